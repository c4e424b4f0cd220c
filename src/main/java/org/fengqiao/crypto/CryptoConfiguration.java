package org.fengqiao.crypto;

import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.platform.DatabaseProperties;

/**
 * Loads the data keys at start-up, checks them against the database and, on a database that holds no encrypted
 * data yet (first start, the demo), makes new keys and stores them.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    DataKeyStore dataKeyStore(DatabaseProperties database, @Value("${fengqiao.crypto.key-file:}") String keyFile) {
        return DataKeyStore.of(keyFile.isBlank() ? null : Path.of(keyFile), database.dataDir(), database.ephemeral(),
                System.getenv(DataKeyStore.ENVIRONMENT_VARIABLE));
    }

    @Bean
    PersonalData personalData(DataKeyStore store, JdbcClient jdbc) {
        DataKeyCheck check = new DataKeyCheck(jdbc);
        PersonalData data = start(store, check.stored());
        check.record(data);
        return data;
    }

    /**
     * The keys to use with a database holding these checks: the stored keys if they open every check; new keys,
     * stored, if there are none and the database holds no encrypted data yet.
     *
     * @throws DataKeyException when the database holds encrypted data but the keys are missing or different
     */
    static PersonalData start(DataKeyStore store, Map<String, String> stored) {
        DataKeys keys;
        try {
            keys = store.load().orElse(null);
        } catch (IllegalArgumentException e) {
            throw new DataKeyException("The data key in " + store.describe() + " cannot be read: " + e.getMessage());
        }
        if (keys == null) {
            if (!stored.isEmpty()) {
                throw new DataKeyException("This database holds personal data encrypted with a data key, but "
                        + store.describe() + " does not exist. Restore the key file (or set "
                        + DataKeyStore.ENVIRONMENT_VARIABLE + ", or fengqiao.crypto.key-file) and start again.");
            }
            keys = DataKeys.generate();
            store.save(keys);
            log.info("Made a new data key in {} (fingerprint {}); keep it apart from database backups",
                    store.describe(), keys.fingerprint());
        }
        PersonalData data = new PersonalData(keys);
        DataKeyCheck.verify(data, stored, store.describe());
        return data;
    }

    @Bean
    DataKeyRotation dataKeyRotation(DataKeyStore store, PersonalData data, JdbcClient jdbc) {
        return new DataKeyRotation(store, data, new DataKeyCheck(jdbc));
    }
}
