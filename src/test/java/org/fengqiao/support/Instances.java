package org.fengqiao.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.fengqiao.FengqiaoApplication;

/**
 * Starts what a deployment of several instances has, inside one test: a PostgreSQL server of its own (the embedded
 * binaries, set up as the platform sets up its embedded one) and application instances on random ports that use it
 * as an external database, sharing one data key file.
 */
public final class Instances {

    private Instances() {
    }

    /** A throw-away PostgreSQL server, with the settings the embedded platform uses, plus {@code settings}. */
    public static EmbeddedPostgres postgres(Map<String, String> settings) {
        return postgres(settings, null, 0);
    }

    /**
     * A PostgreSQL server on a data directory of the test's (kept when it stops, started again where it was, or
     * a base backup made by {@link #replicaOf}), on a given port (0: any free one).
     */
    public static EmbeddedPostgres postgres(Map<String, String> settings, Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8");
            settings.forEach(builder::setServerConfig);
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            if (port != 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An application instance on a random port using {@code jdbcUrl} as its (external) database.
     *
     * @param keyFile the data key file every instance of the deployment shares
     * @param demo    the demo county: loaded by the first instance on an empty database, its accounts usable on all
     * @param extra   further properties
     */
    public static ConfigurableApplicationContext start(String jdbcUrl, Path keyFile, Path dataDir, boolean demo,
                                                       Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", jdbcUrl);
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.hikari.maximum-pool-size", "8");
        p.put("server.port", "0");
        p.put("fengqiao.data-dir", dataDir.toString());
        p.put("fengqiao.crypto.key-file", keyFile.toString());
        p.put("fengqiao.scheduler.enabled", "false");
        p.put("fengqiao.demo.enabled", Boolean.toString(demo));
        p.put("fengqiao.analytics.max-lag", "0s");
        p.put("logging.level.org.fengqiao", "WARN");
        p.putAll(extra);
        // as arguments: they must win over application.yml (default properties would not)
        return new SpringApplicationBuilder(FengqiaoApplication.class)
                .run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /**
     * A streaming replica of {@code primary}: a base backup taken as {@code pg_basebackup} takes it (a physical
     * replication slot keeping the WAL, {@code pg_backup_start}, a copy of the data directory without its WAL,
     * {@code pg_backup_stop}'s label), then started as a hot standby streaming from the primary.
     */
    public static EmbeddedPostgres replicaOf(EmbeddedPostgres primary, Path primaryDir, Path replicaDir) {
        try (java.sql.Connection c = primary.getPostgresDatabase().getConnection();
             java.sql.Statement st = c.createStatement()) {
            st.execute("select pg_create_physical_replication_slot('fengqiao_replica', true)");
            st.execute("select pg_backup_start('fengqiao-replica', true)");
            copy(primaryDir, replicaDir);
            String label;
            try (java.sql.ResultSet rs = st.executeQuery("select labelfile from pg_backup_stop(false)")) {
                rs.next();
                label = rs.getString(1);
            }
            java.nio.file.Files.writeString(replicaDir.resolve("backup_label"), label);
            java.nio.file.Files.writeString(replicaDir.resolve("standby.signal"), "");
            java.nio.file.Files.writeString(replicaDir.resolve("postgresql.auto.conf"),
                    "primary_conninfo = 'host=localhost port=" + primary.getPort() + " user=postgres'\n"
                            + "primary_slot_name = 'fengqiao_replica'\n",
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return postgres(Map.of("hot_standby", "on"), replicaDir, 0);
    }

    private static void copy(Path from, Path to) throws IOException {
        java.util.Set<String> skipped = java.util.Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                String top = rel.getNameCount() > 0 ? rel.getName(0).toString() : "";
                boolean contentsSkipped = (top.equals("pg_wal") || top.equals("pg_replslot")) && rel.getNameCount() > 1;
                if (skipped.contains(rel.toString()) || contentsSkipped) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    try {
                        java.nio.file.Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // a file the primary removed while it was copied: the WAL replay recreates what matters
                    }
                }
            }
        }
        java.nio.file.Files.createDirectories(to.resolve("pg_wal").resolve("archive_status"));
        // PostgreSQL starts only on a data directory no one else may read
        java.nio.file.Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    /** The port an instance serves on. */
    public static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
