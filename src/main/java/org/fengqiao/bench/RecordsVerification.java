package org.fengqiao.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one place where the crash benchmark asks the records to verify themselves after the last kill: it runs
 * {@code ./fengqiao verify-records} on the crashed data directory (PostgreSQL recovers from its WAL first). On a
 * build whose launcher has no such verb yet the step is reported as {@link Result#NOT_AVAILABLE}, not as passed.
 */
final class RecordsVerification {

    enum Result { VERIFIED, BROKEN, NOT_AVAILABLE }

    static final String VERB = "verify-records";

    private RecordsVerification() {
    }

    /** Whether {@code ./fengqiao help} lists the verb (asked of a child JVM, as the verb itself will be run). */
    static boolean launcherKnows(String verb) {
        try {
            Process help = new ProcessBuilder(PlatformProcess.javaCommand("help")).redirectErrorStream(true).start();
            String text = new String(help.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            help.waitFor(1, TimeUnit.MINUTES);
            return text.lines().map(String::strip).anyMatch(l -> l.equals(verb) || l.startsWith(verb + " "));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(Path dataDir, List<String> platformArgs) {
        if (!launcherKnows(VERB)) {
            return Result.NOT_AVAILABLE;
        }
        List<String> command = new ArrayList<>(PlatformProcess.javaCommand(VERB));
        command.add("--fengqiao.data-dir=" + dataDir.toAbsolutePath());
        command.addAll(platformArgs);
        Process p = null;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("verify-records.log").toFile()))
                    .start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                return Result.BROKEN;
            }
            return p.exitValue() == 0 ? Result.VERIFIED : Result.BROKEN;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (p != null) {
                p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }
}
