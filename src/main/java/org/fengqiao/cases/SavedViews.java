package org.fengqiao.cases;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.TextHygiene;

/**
 * A user's saved case-list views (e.g. "本村超期纠纷"): a name for a set of filters.
 */
@Service
public class SavedViews {

    public record SavedView(long id, String name, String query) {
    }

    private final JdbcClient jdbc;

    SavedViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SavedView> of(long userId) {
        return jdbc.sql("select id, name, query from saved_view where user_id = ? order by name").param(userId)
                .query((rs, n) -> new SavedView(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Saves (or replaces) a view; the query is the list's query string without paging. */
    @Transactional
    public void save(long userId, String name, String query) {
        if (name == null || name.isBlank() || name.strip().length() > 40 || !TextHygiene.isClean(name)) {
            throw new ProblemException.InvalidInput("name", "view.badName");
        }
        if (query == null || query.length() > 2000 || !TextHygiene.isClean(query)) {
            throw new ProblemException.InvalidInput("query", "view.badQuery");
        }
        jdbc.sql("""
                insert into saved_view (user_id, name, query) values (?, ?, ?)
                on conflict (user_id, name) do update set query = excluded.query
                """).params(userId, name.strip(), query).update();
    }

    @Transactional
    public void delete(long userId, long viewId) {
        jdbc.sql("delete from saved_view where id = ? and user_id = ?").params(viewId, userId).update();
    }
}
