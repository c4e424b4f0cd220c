package org.fengqiao.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared evaluation data, skipping the calling test when it is absent. */
public final class SharedData {

    public static final String PROPERTY = "fengqiao.shared-data";

    private SharedData() {
    }

    /** Returns {@code name} inside the shared data directory, or aborts the test as skipped. */
    public static Path file(String name) {
        String configured = System.getProperty(PROPERTY, "");
        Path dir = Path.of(configured.isBlank() ? "../shared/data" : configured).toAbsolutePath().normalize();
        Path file = dir.resolve(name);
        assumeTrue(Files.isRegularFile(file), () -> "skipped: shared data file " + file
                + " not found; set -D" + PROPERTY + "=<dir> to run this test");
        return file;
    }
}
