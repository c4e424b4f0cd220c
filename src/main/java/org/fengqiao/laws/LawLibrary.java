package org.fengqiao.laws;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.platform.ProblemException;

/**
 * The law library: laws imported into the database (the record) and their articles searched in a {@link LawSearch}
 * built from it. Before each search a one-row query tells whether any law was imported since the index was built
 * (by this instance or another), in which case it is rebuilt: a few hundred milliseconds for the whole collection.
 */
@Service
public class LawLibrary {

    public static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_LIMIT = 50;

    /** A law in the library. */
    public record LawSummary(long id, String key, String title, String shortTitle, LocalDate versionDate,
                             String source, int articles, Instant importedAt) {
    }

    /** What an import did: the laws now in the library from it, and how many replaced an earlier version. */
    public record ImportReport(List<LawSummary> imported, int replaced) {
    }

    private record Loaded(String mark, LawSearch search) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private volatile Loaded loaded;

    LawLibrary(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /**
     * Imports laws, each replacing the earlier version of the same law (title and part), all or none.
     *
     * @param importedBy the user importing them, or null for the command line and the demo
     */
    @Transactional
    public ImportReport importLaws(List<LawText> laws, Long importedBy) {
        if (laws.isEmpty()) {
            throw new ProblemException.InvalidInput("files", "laws.import.empty");
        }
        Map<String, LawText> byKey = new LinkedHashMap<>();
        for (LawText law : laws) {
            LawText before = byKey.put(law.key(), law);
            if (before != null) {
                throw new ProblemException.InvalidInput("files", "laws.import.sameLawTwice", law.key(),
                        before.source(), law.source());
            }
        }
        int replaced = 0;
        Instant now = clock.instant();
        for (LawText law : byKey.values()) {
            replaced += jdbc.sql("delete from law where law_key = ?").param(law.key()).update();
            long id = jdbc.sql("""
                    insert into law (law_key, title, part, short_title, version_date, source, imported_at, imported_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                    """).params(law.key(), law.title(), law.part(), law.shortTitle(), law.versionDate(), law.source(),
                    Timestamp.from(now), importedBy).query(Long.class).single();
            template.batchUpdate("insert into law_article (law_id, number, label, chapter, text) values (?, ?, ?, ?, ?)",
                    law.articles(), 500, (ps, a) -> {
                        ps.setLong(1, id);
                        ps.setInt(2, a.number());
                        ps.setString(3, a.label());
                        ps.setString(4, a.chapter());
                        ps.setString(5, a.text());
                    });
        }
        List<String> keys = List.copyOf(byKey.keySet());
        return new ImportReport(laws().stream().filter(l -> keys.contains(l.key())).toList(), replaced);
    }

    /** Every law in the library, by short title. */
    public List<LawSummary> laws() {
        return jdbc.sql("""
                select l.id, l.law_key, l.title, l.short_title, l.version_date, l.source, l.imported_at,
                       (select count(*) from law_article a where a.law_id = l.id) as articles
                from law l order by l.short_title
                """).query((rs, n) -> new LawSummary(rs.getLong("id"), rs.getString("law_key"), rs.getString("title"),
                rs.getString("short_title"), rs.getObject("version_date", LocalDate.class), rs.getString("source"),
                rs.getInt("articles"), rs.getTimestamp("imported_at").toInstant())).list();
    }

    /**
     * The articles matching a query (words, a sentence, or a citation such as 劳动争议调解仲裁法第十四条), best first.
     */
    public List<LawSearch.Hit> search(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new ProblemException.InvalidInput("q", "laws.queryMissing");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new ProblemException.InvalidInput("q", "laws.queryTooLong", MAX_QUERY_LENGTH);
        }
        return index().search(query.strip(), clamp(limit));
    }

    /** The article a citation names, if the library holds that law and article. */
    public Optional<LawSearch.Hit> article(String law, String label) {
        if (law == null || label == null || !label.startsWith("第") || !label.endsWith("条")) {
            return Optional.empty();
        }
        int number = ChineseNumber.parse(label.substring(1, label.length() - 1));
        return number < 0 ? Optional.empty() : index().article(law, number);
    }

    /** The index of the laws now in the library. */
    public LawSearch index() {
        String mark = jdbc.sql("select count(*) || ':' || coalesce(max(id), 0) from law").query(String.class).single();
        Loaded current = loaded;
        if (current == null || !current.mark().equals(mark)) {
            synchronized (this) {
                current = loaded;
                if (current == null || !current.mark().equals(mark)) {
                    current = new Loaded(mark, LawSearch.of(load()));
                    loaded = current;
                }
            }
        }
        return current.search();
    }

    private List<LawText> load() {
        Map<Long, List<LawText.Article>> articles = new LinkedHashMap<>();
        jdbc.sql("select law_id, number, label, chapter, text from law_article order by law_id, number")
                .query(rs -> {
                    articles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new LawText.Article(
                            rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        return jdbc.sql("select id, title, part, version_date, source from law order by short_title")
                .query((rs, n) -> new LawText(rs.getString("title"), rs.getString("part"),
                        rs.getObject("version_date", LocalDate.class), rs.getString("source"),
                        articles.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }
}
