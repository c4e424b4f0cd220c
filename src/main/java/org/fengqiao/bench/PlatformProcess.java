package org.fengqiao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platform as a child process ({@code serve --demo} on a kept data directory, durable commits), so it can be
 * killed the hard way: {@link #killHard()} sends SIGKILL to the JVM, the embedded PostgreSQL postmaster and every
 * backend, as a power cut would. Started from the running jar, or from the class path when run from the IDE or
 * the tests.
 */
final class PlatformProcess implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final List<String> extraArgs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    PlatformProcess(Path dataDir, int port, List<String> extraArgs) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Starts the platform and waits until {@code /actuator/health} answers 200; returns the milliseconds taken. */
    long start(Duration timeout) {
        long began = System.nanoTime();
        List<String> command = new ArrayList<>(javaCommand("serve"));
        command.add("--demo");
        command.add("--server.port=" + port);
        command.add("--fengqiao.data-dir=" + dataDir);
        command.addAll(extraArgs);
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolve("platform.log");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited with " + process.exitValue() + "; see "
                        + dataDir.resolve("platform.log"));
            }
            if (healthy()) {
                return (System.nanoTime() - began) / 1_000_000;
            }
            sleep(250);
        }
        throw new IllegalStateException("the platform was not healthy after " + timeout + "; see "
                + dataDir.resolve("platform.log"));
    }

    private boolean healthy() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The embedded PostgreSQL's postmaster, from the first line of its {@code postmaster.pid}. */
    Optional<ProcessHandle> postmaster() {
        return postmasterLine(0).flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    /** The TCP port the embedded PostgreSQL listens on (fourth line of {@code postmaster.pid}). */
    int databasePort() {
        return postmasterLine(3).map(Integer::parseInt)
                .orElseThrow(() -> new IllegalStateException("no postmaster.pid under " + dataDir));
    }

    private Optional<String> postmasterLine(int index) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.size() > index ? Optional.of(lines.get(index).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * SIGKILL to the platform's JVM, the postmaster and all its backends at once, then waits until they are gone.
     * Returns how many processes were killed.
     */
    int killHard() {
        List<ProcessHandle> victims = new ArrayList<>();
        if (process != null) {
            victims.add(process.toHandle());
            process.toHandle().descendants().forEach(victims::add);
        }
        postmaster().ifPresent(pm -> {
            victims.add(pm);
            pm.descendants().forEach(victims::add);
        });
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : victims) {
            try {
                p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("process " + p.pid() + " survived SIGKILL", e);
            }
        }
        process = null;
        return victims.size();
    }

    @Override
    public void close() {
        killHard();
    }

    /**
     * The command that runs a verb of this platform in a new JVM: {@code java -jar fengqiao.jar VERB} when running
     * from the jar, else {@code java -cp <class path> org.fengqiao.cli.Launcher VERB}. The system property
     * {@code fengqiao.bench.class-path} overrides the class path (tests run under a launcher jar of their own).
     */
    static List<String> javaCommand(String verb) {
        String javaBin = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("fengqiao.bench.class-path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8"));
        if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar")) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "org.fengqiao.cli.Launcher"));
        }
        command.add(verb);
        return command;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
