package org.fengqiao.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one place where the crash benchmark asks the records to verify themselves after the last kill: it runs
 * {@code ./fengqiao verify-records} on the crashed data directory (PostgreSQL recovers from its WAL first) and
 * reports whether every case chain, daily head and the audit chain recomputed to what was stored.
 */
final class RecordsVerification {

    enum Result { VERIFIED, BROKEN }

    static final String VERB = "verify-records";

    private RecordsVerification() {
    }

    static Result run(Path dataDir, List<String> platformArgs) {
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
