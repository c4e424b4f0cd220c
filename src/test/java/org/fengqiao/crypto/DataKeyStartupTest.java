package org.fengqiao.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the platform does at start-up with the data key and the database's key checks. */
class DataKeyStartupTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartMakesAKeyFileBesideTheDataDirectoryReadableByItsOwnerOnly() throws Exception {
        DataKeyStore store = DataKeyStore.of(null, dir.resolve("data"), false, null);
        PersonalData data = CryptoConfiguration.start(store, Map.of());

        Path file = dir.resolve("data.key");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(DataKeys.parse(Files.readString(file)).fingerprint()).isEqualTo(data.keys().fingerprint());
        // the next start reads the same key
        assertThat(CryptoConfiguration.start(store, checks(data)).keys().fingerprint())
                .isEqualTo(data.keys().fingerprint());
    }

    @Test
    void aDatabaseHoldingEncryptedDataRefusesToStartWithoutItsKey() {
        PersonalData written = new PersonalData(DataKeys.generate());
        DataKeyStore store = DataKeyStore.of(dir.resolve("missing.key"), dir.resolve("data"), false, null);

        assertThatThrownBy(() -> CryptoConfiguration.start(store, checks(written)))
                .isInstanceOf(DataKeyException.class).hasMessageContaining("does not exist")
                .hasMessageContaining("missing.key");
        assertThat(dir.resolve("missing.key")).doesNotExist();
    }

    @Test
    void aDatabaseRefusesToStartWithAnotherKey() {
        PersonalData written = new PersonalData(DataKeys.generate());
        DataKeyStore store = DataKeyStore.of(dir.resolve("other.key"), dir.resolve("data"), false, null);
        store.save(DataKeys.generate());

        assertThatThrownBy(() -> CryptoConfiguration.start(store, checks(written)))
                .isInstanceOf(DataKeyException.class).hasMessageContaining("does not match this database");
    }

    @Test
    void aKeyFileMissingAVersionTheDatabaseUsesIsRefused() {
        PersonalData written = new PersonalData(DataKeys.generate());
        Map<String, String> checks = checks(written);
        written.use(written.keys().withNewVersion());
        checks.put("v2", written.seal(PersonalData.Field.NAME, DataKeyCheck.KNOWN_TEXT));
        DataKeyStore store = DataKeyStore.of(dir.resolve("old.key"), dir.resolve("data"), false, null);
        store.save(written.keys().withoutOldVersions());

        assertThatThrownBy(() -> CryptoConfiguration.start(store, checks))
                .isInstanceOf(DataKeyException.class).hasMessageContaining("key version v1");
    }

    @Test
    void theKeyCanComeFromTheEnvironmentAndIsThenNotWritten() {
        DataKeys keys = DataKeys.generate();
        DataKeyStore store = DataKeyStore.of(dir.resolve("data.key"), dir.resolve("data"), false,
                keys.format().replace("\n", ","));
        PersonalData data = CryptoConfiguration.start(store, Map.of());

        assertThat(data.keys().fingerprint()).isEqualTo(keys.fingerprint());
        assertThat(dir.resolve("data.key")).doesNotExist();
        assertThatThrownBy(() -> store.save(keys.withNewVersion())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(DataKeyStore.ENVIRONMENT_VARIABLE);
    }

    @Test
    void aThrowAwayDatabaseKeepsAThrowAwayKeyInMemory() throws Exception {
        DataKeyStore store = DataKeyStore.of(null, dir.resolve("data"), true, null);
        CryptoConfiguration.start(store, Map.of());
        assertThat(store.file()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static Map<String, String> checks(PersonalData data) {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("index", data.hash("check", DataKeyCheck.KNOWN_TEXT));
        checks.put("v" + data.currentVersion(), data.seal(PersonalData.Field.NAME, DataKeyCheck.KNOWN_TEXT));
        return checks;
    }
}
