package org.fengqiao.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where the data keys live, outside the database: the environment variable {@code FENGQIAO_DATA_KEY}, else the key
 * file ({@code fengqiao.crypto.key-file}, by default {@code <data dir>.key} beside the data directory, so a copy of
 * the data directory does not carry its key), else — for a throw-away database only — memory.
 */
public final class DataKeyStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DataKeyStore.class);

    public static final String ENVIRONMENT_VARIABLE = "FENGQIAO_DATA_KEY";

    private final Path file;
    private final String environment;
    private DataKeys inMemory;

    private DataKeyStore(Path file, String environment) {
        this.file = file;
        this.environment = environment;
    }

    /**
     * @param keyFile     the configured key file, or null
     * @param dataDir     the data directory
     * @param ephemeral   a throw-away database: without a configured key, keep a throw-away key in memory
     * @param environment the value of {@code FENGQIAO_DATA_KEY}, or null
     */
    public static DataKeyStore of(Path keyFile, Path dataDir, boolean ephemeral, String environment) {
        if (environment != null && !environment.isBlank()) {
            return new DataKeyStore(null, environment);
        }
        if (keyFile == null && ephemeral) {
            return new DataKeyStore(null, null);
        }
        return new DataKeyStore(keyFile != null ? keyFile.toAbsolutePath() : defaultFile(dataDir), null);
    }

    /** {@code <data dir>.key}, beside the data directory. */
    static Path defaultFile(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + ".key");
    }

    /** Where the keys are, in words for the operator. */
    public String describe() {
        return environment != null ? "the environment variable " + ENVIRONMENT_VARIABLE
                : file != null ? "the key file " + file : "memory (throw-away database)";
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The stored keys, if there are any yet. */
    public Optional<DataKeys> load() {
        if (environment != null) {
            return Optional.of(DataKeys.parse(environment));
        }
        if (file == null) {
            return Optional.ofNullable(inMemory);
        }
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
                    && !PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).endsWith("------")) {
                log.warn("The data key file {} can be read by others than its owner; chmod 600 it", file);
            }
            return Optional.of(DataKeys.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + describe(), e);
        }
    }

    /**
     * Stores the keys: the key file is replaced atomically and readable by its owner only (600); keys given in
     * the environment cannot be changed here.
     */
    public void save(DataKeys keys) {
        if (environment != null) {
            throw new IllegalStateException("the data key comes from " + ENVIRONMENT_VARIABLE
                    + " and cannot be changed by the platform; put it in a key file to rotate it");
        }
        if (file == null) {
            inMemory = keys;
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(temp);
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temp, keys.format(), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + describe(), e);
        }
    }
}
