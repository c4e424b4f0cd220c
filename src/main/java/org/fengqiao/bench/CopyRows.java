package org.fengqiao.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows streamed into one table with PostgreSQL's {@code COPY … FROM STDIN} (text format) through PgJDBC's
 * {@link CopyManager}, on a connection of its own, so several tables load at once. Values are escaped as the text
 * format requires (backslash, tab, newline, carriage return; {@code \N} for null). {@link #commit()} ends the
 * running {@code COPY} (one transaction) and starts the next, so a long load is written in durable pieces.
 *
 * <p>With {@code withoutRowTriggers}, the connection runs with {@code session_replication_role = replica}, as
 * {@code pg_restore --disable-triggers} does: PostgreSQL then skips the per-row foreign-key checks (the generator
 * checks the references set-based afterwards, {@code ProvinceHistory#checkReferences}). It needs a superuser; when
 * the role may not, the rows are checked one by one as usual.
 */
final class CopyRows implements AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 20;

    private final String table;
    private final String sql;
    private final Connection connection;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + (64 << 10));
    private final StringBuilder row = new StringBuilder(1024);
    private CopyIn copy;
    private boolean first = true;
    private long rows;
    private long nanos;

    CopyRows(DataSource dataSource, String table, String columns, boolean withoutRowTriggers) {
        this.table = table;
        this.sql = "copy " + table + " (" + columns + ") from stdin";
        try {
            this.connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (withoutRowTriggers) {
                try (Statement s = connection.createStatement()) {
                    s.execute("set session_replication_role = replica");
                } catch (SQLException notAllowed) {
                    // not a superuser: every row's references are checked by the database as it arrives
                }
            }
            start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start COPY into " + table + ": " + e.getMessage(), e);
        }
    }

    private void start() throws SQLException {
        CopyManager manager = connection.unwrap(PGConnection.class).getCopyAPI();
        copy = manager.copyIn(sql);
    }

    CopyRows add(String value) {
        separate();
        if (value == null) {
            row.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        return this;
    }

    /** A value already in COPY's text form (escaped by the caller, e.g. a precomputed array literal). */
    CopyRows raw(String escaped) {
        separate();
        row.append(escaped);
        return this;
    }

    CopyRows add(long value) {
        separate();
        row.append(value);
        return this;
    }

    CopyRows add(Long value) {
        return value == null ? add((String) null) : add(value.longValue());
    }

    CopyRows add(Instant value) {
        return add(value == null ? null : value.toString());
    }

    CopyRows add(Boolean value) {
        return add(value == null ? null : value ? "t" : "f");
    }

    CopyRows add(byte[] value) {
        return value == null ? add((String) null) : raw("\\\\x" + HexFormat.of().formatHex(value));
    }

    private void separate() {
        if (!first) {
            row.append('\t');
        }
        first = false;
    }

    /** Ends the row; sends the buffered rows when there are enough of them. */
    void end() {
        row.append('\n');
        byte[] b = row.toString().getBytes(StandardCharsets.UTF_8);
        buffer.write(b, 0, b.length);
        row.setLength(0);
        first = true;
        rows++;
        if (buffer.size() >= FLUSH_BYTES) {
            flush();
        }
    }

    private void flush() {
        if (buffer.size() == 0) {
            return;
        }
        long t = System.nanoTime();
        try {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
        nanos += System.nanoTime() - t;
        buffer.reset();
    }

    /** Ends the running COPY (its rows are committed) and starts the next one. */
    void commit() {
        flush();
        long t = System.nanoTime();
        try {
            copy.endCopy();
            start();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
        nanos += System.nanoTime() - t;
    }

    long rows() {
        return rows;
    }

    /** The time spent sending rows and waiting for the server to take them. */
    double seconds() {
        return nanos / 1e9;
    }

    String table() {
        return table;
    }

    /** Ends the COPY (committing its rows) and gives the connection back. */
    @Override
    public void close() {
        try {
            if (copy != null && copy.isActive()) {
                flush();
                copy.endCopy();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            try {
                try (Statement s = connection.createStatement()) {
                    s.execute("reset session_replication_role");
                }
                connection.close();
            } catch (SQLException ignored) {
                // the connection is broken already; the pool replaces it
            }
        }
    }

    /** Abandons the running COPY: its rows since the last {@link #commit()} are rolled back. */
    void abandon() {
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // closing below
        }
        copy = null;
    }
}
