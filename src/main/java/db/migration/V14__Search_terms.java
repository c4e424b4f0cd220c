package db.migration;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.fengqiao.intelligence.text.SearchTerms;

/**
 * Adds the search terms of each case (Chinese bigrams and words of its title, description, address and
 * tracking code) with a GIN index, and computes them for the cases already stored. Searching the case list
 * then reads the index instead of scanning every description.
 */
public class V14__Search_terms extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table cases add column search_terms text[] not null default '{}'");
        }
        try (PreparedStatement select = c.prepareStatement(
                     "select id, title, description, address, tracking_code from cases where id > ? order by id limit 1000");
             PreparedStatement update = c.prepareStatement("update cases set search_terms = ? where id = ?")) {
            long last = -1;
            while (true) {
                select.setLong(1, last);
                int rows = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        last = rs.getLong(1);
                        Array terms = c.createArrayOf("text", SearchTerms.of(rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)).toArray());
                        update.setArray(1, terms);
                        update.setLong(2, last);
                        update.addBatch();
                    }
                }
                if (rows == 0) {
                    break;
                }
                update.executeBatch();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("create index cases_search_idx on cases using gin (search_terms)");
        }
    }
}
