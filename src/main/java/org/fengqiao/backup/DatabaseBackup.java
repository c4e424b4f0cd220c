package org.fengqiao.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Service;

import tools.jackson.databind.ObjectMapper;

import org.fengqiao.crypto.PersonalData;

/**
 * A consistent copy of every table of the schema (one repeatable-read, read-only transaction; each table in
 * PostgreSQL's binary {@code COPY} format, which the embedded binaries can write without {@code pg_dump}) in one
 * zip file, with a manifest: the schema version, the tables and their columns and row counts, the sequences, and
 * the data key's fingerprint — never the key. Restoring replaces every table's rows in one transaction (triggers
 * and foreign-key checks off for it), into a database of the same schema version opened with the same key.
 */
@Service
public class DatabaseBackup {

    static final String MANIFEST = "manifest.json";
    static final int FORMAT = 1;

    /** What a backup holds besides the rows. */
    public record Manifest(int format, String createdAt, String schemaVersion, String keyFingerprint,
                           List<Table> tables, Map<String, Long> sequences) {
    }

    public record Table(String name, List<String> columns, long rows) {
    }

    /** A backup that cannot be restored here; the message says why. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final DataSource dataSource;
    private final PersonalData personal;
    private final ObjectMapper json;
    private final Clock clock;

    DatabaseBackup(DataSource dataSource, PersonalData personal, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.personal = personal;
        this.json = json;
        this.clock = clock;
    }

    /** Writes a backup of this platform's database; returns its manifest. */
    public Manifest write(OutputStream out) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
            }
            try {
                Manifest manifest = manifest(c);
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(json.writeValueAsBytes(manifest));
                zip.closeEntry();
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (Table t : manifest.tables()) {
                    zip.putNextEntry(new ZipEntry("tables/" + t.name() + ".copy"));
                    // a query, not the table: COPY TO refuses a partitioned table (case_event, audit_log), not a select
                    copy.copyOut("copy (select " + columns(t) + " from " + quote(t.name()) + ") to stdout (format binary)",
                            zip);
                    zip.closeEntry();
                }
                zip.finish();
                return manifest;
            } finally {
                c.rollback();
            }
        }
    }

    /** How many cases this platform's database holds (a restore over them needs to be asked for). */
    public long casesHeld() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from case_report")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a backup's manifest without restoring it. */
    public Manifest manifest(InputStream in) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry first = zip.getNextEntry();
        if (first == null || !first.getName().equals(MANIFEST)) {
            throw new Refused("not a Fengqiao backup (no " + MANIFEST + " first)");
        }
        return json.readValue(zip.readAllBytes(), Manifest.class);
    }

    /** Restores a backup into this platform's database, replacing every row. */
    public Manifest restore(InputStream in) throws IOException, SQLException {
        return restore(in, dataSource);
    }

    /** Restores a backup into the given database (same schema version), replacing every row. */
    public Manifest restore(InputStream in, DataSource target) throws IOException, SQLException {
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry first = zip.getNextEntry();
        if (first == null || !first.getName().equals(MANIFEST)) {
            throw new Refused("not a Fengqiao backup (no " + MANIFEST + " first)");
        }
        Manifest manifest = json.readValue(zip.readAllBytes(), Manifest.class);
        if (manifest.format() != FORMAT) {
            throw new Refused("backup format " + manifest.format() + " is not " + FORMAT);
        }
        if (!manifest.keyFingerprint().equals(personal.keys().fingerprint())) {
            throw new Refused("the backup was written with the data key of fingerprint " + manifest.keyFingerprint()
                    + ", the key at hand is " + personal.keys().fingerprint()
                    + ": give the platform the key file that was in use when the backup was made");
        }
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            try {
                String version = schemaVersion(c);
                if (!manifest.schemaVersion().equals(version)) {
                    throw new Refused("the backup is of schema version " + manifest.schemaVersion()
                            + ", this database is at " + version + ": restore with the release that wrote it");
                }
                Map<String, Table> tables = new LinkedHashMap<>();
                manifest.tables().forEach(t -> tables.put(t.name(), t));
                List<String> here = tables(c);
                if (!here.containsAll(tables.keySet())) {
                    throw new Refused("the backup holds tables this database lacks");
                }
                try (Statement s = c.createStatement()) {
                    // triggers (never-deleted rows, immutable events) and foreign-key checks off for this transaction
                    s.execute("set local session_replication_role = replica");
                    for (String t : here) {
                        s.execute("delete from " + quote(t));
                    }
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    String name = e.getName().replaceFirst("^tables/", "").replaceFirst("\\.copy$", "");
                    Table t = tables.get(name);
                    if (t == null) {
                        throw new Refused("the backup holds an unknown entry " + e.getName());
                    }
                    long rows = copy.copyIn("copy " + quote(t.name()) + " (" + columns(t)
                            + ") from stdin (format binary)", zip);
                    if (rows != t.rows()) {
                        throw new Refused("table " + t.name() + " holds " + rows + " rows, the manifest says "
                                + t.rows() + ": the backup is damaged");
                    }
                }
                try (PreparedStatement set = c.prepareStatement("select setval(?, ?, true)");
                     Statement s = c.createStatement()) {
                    for (String sequence : sequences(c)) {
                        Long value = manifest.sequences().get(sequence);
                        if (value == null) {
                            s.execute("alter sequence " + quote(sequence) + " restart"); // never used when backed up
                        } else {
                            set.setString(1, quote(sequence));
                            set.setLong(2, value);
                            set.execute();
                        }
                    }
                }
                c.commit();
                return manifest;
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Manifest manifest(Connection c) throws SQLException {
        List<Table> tables = new ArrayList<>();
        for (String name : tables(c)) {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("""
                    select a.attname from pg_attribute a
                    where a.attrelid = cast(? as regclass) and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                    order by a.attnum
                    """)) {
                p.setString(1, quote(name));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
            }
            long rows;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + quote(name))) {
                rs.next();
                rows = rs.getLong(1);
            }
            tables.add(new Table(name, columns, rows));
        }
        Map<String, Long> sequences = new LinkedHashMap<>(); // the sequences used so far, at their last value
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select sequencename, last_value from pg_sequences
                where schemaname = 'public' and last_value is not null order by 1
                """)) {
            while (rs.next()) {
                sequences.put(rs.getString(1), rs.getLong(2));
            }
        }
        return new Manifest(FORMAT, clock.instant().toString(), schemaVersion(c), personal.keys().fingerprint(),
                tables, sequences);
    }

    /**
     * The tables of the schema, Flyway's history excepted (the schema comes from the migrations); a partitioned
     * table once, as itself: its partitions are where its rows live, and the restoring database may cut them
     * differently.
     */
    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                  and c.relname <> 'flyway_schema_history'
                order by 1
                """)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static List<String> sequences(Connection c) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select sequencename from pg_sequences where schemaname = 'public' order by 1")) {
            while (rs.next()) {
                sequences.add(rs.getString(1));
            }
        }
        return sequences;
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select version from flyway_schema_history where success and version is not null
                order by cast(string_to_array(version, '.') as int[]) desc limit 1
                """)) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    private static String columns(Table t) {
        return String.join(", ", t.columns().stream().map(DatabaseBackup::quote).toList());
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
