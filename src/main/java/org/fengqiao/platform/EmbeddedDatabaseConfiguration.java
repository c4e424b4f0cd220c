package org.fengqiao.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts PostgreSQL inside the platform when no {@code spring.datasource.url} is configured, so a small
 * deployment needs nothing else installed. For such a deployment this <em>is</em> the production database,
 * hence full durability unless a test relaxes it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // stopped by this bean's close, after every user of the database has stopped: the library's own
                // JVM shutdown hook would stop the server concurrently with the application's shutdown, while
                // recurring tasks still ran (each of their attempts then waited for a connection in vain)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", properties.isDurable() ? "on" : "off")
                .setServerConfig("synchronous_commit", properties.isDurable() ? "on" : "off")
                .setServerConfig("full_page_writes", properties.isDurable() ? "on" : "off")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", sharedBuffersMegabytes(properties.ephemeral(),
                        physicalMemoryBytes()) + "MB")
                .setServerConfig("timezone", "UTC")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8");
        properties.serverSettings().forEach(builder::setServerConfig);
        if (properties.ephemeral()) {
            builder.setCleanDataDirectory(true);
        } else {
            Path dir = properties.dataDir().resolve("postgres").toAbsolutePath();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(false)
                    .setDataDirectoryCustomizer(d -> stopOrphanedServer(d.toPath()));
            log.info("Embedded PostgreSQL data directory: {}", dir);
        }
        return builder.start();
    }

    /**
     * PostgreSQL's own cache: a quarter of the machine's memory, between 256 MB and 2 GB, for a data directory
     * that is the deployment's database (on 100,000 cases with real texts the database is about 1 GB, and the
     * page benchmark's list and case page answered about a quarter faster with 1 GB than with 256 MB); 256 MB for
     * a throw-away one. {@code fengqiao.server-settings.shared_buffers} overrides it.
     */
    static long sharedBuffersMegabytes(boolean ephemeral, long physicalMemoryBytes) {
        long quarter = physicalMemoryBytes / 4 / (1024 * 1024);
        return ephemeral || quarter <= 0 ? 256 : Math.max(256, Math.min(2048, quarter));
    }

    private static long physicalMemoryBytes() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : 0;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, Environment env) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(env.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 20));
        config.setPoolName("fengqiao-embedded");
        config.setDataSourceProperties(toProperties(Map.of("reWriteBatchedInserts", "true")));
        return new HikariDataSource(config);
    }

    /**
     * A platform killed without shutdown leaves its postmaster running on the data directory; stop it
     * (fast shutdown, as {@code pg_ctl -m fast} would) so the cluster can start again and recover from WAL.
     */
    static void stopOrphanedServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (orphan.isPresent()) {
                log.warn("Stopping an orphaned PostgreSQL server (pid {}) left by an earlier run", pid);
                new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
                orphan.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the PostgreSQL server left in " + dataDir
                    + "; stop it by hand or remove " + pidFile, e);
        }
    }

    private static java.util.Properties toProperties(Map<String, String> map) {
        java.util.Properties p = new java.util.Properties();
        p.putAll(map);
        return p;
    }
}
