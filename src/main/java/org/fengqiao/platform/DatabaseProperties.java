package org.fengqiao.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how the embedded PostgreSQL runs when no external database is configured.
 *
 * @param dataDir   directory holding the database cluster and uploaded files ({@code ./data} by default)
 * @param ephemeral start a throw-away cluster in a temporary directory (tests, benchmarks)
 * @param durable   run with {@code fsync=on} and {@code synchronous_commit=on}; only tests may turn it off
 * @param serverSettings further PostgreSQL settings for the embedded server, e.g. {@code shared_buffers}
 */
@ConfigurationProperties("fengqiao")
public record DatabaseProperties(Path dataDir, boolean ephemeral, Boolean durable,
                                 java.util.Map<String, String> serverSettings) {

    public DatabaseProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        durable = durable == null || durable;
        serverSettings = serverSettings == null ? java.util.Map.of() : java.util.Map.copyOf(serverSettings);
    }

    public boolean isDurable() {
        return durable;
    }
}
