package org.fengqiao.openboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.cases.CaseStatus;
import org.fengqiao.cases.Rating;

/**
 * What anyone may read of the board: the approved items, by township, category and wall — 回音壁 (responses: the
 * case is closed, with the official reply and the citizen's rating) and 问题墙 (problems still open, where
 * citizens add "我也遇到"). A "me too" is kept once per visitor and item under a keyed hash of the visitor's
 * address (the key is made afresh when the application starts; the address itself is never stored).
 */
@Service
@Transactional(readOnly = true)
public class PublicBoard {

    /** The two walls. */
    public enum Wall {
        /** 回音壁: closed, answered */
        RESPONSES,
        /** 问题墙: still open */
        PROBLEMS
    }

    /** An item as the public sees it. */
    public record PublicItem(long id, String title, String summary, String reply, String townshipCode,
                             String categoryCode, boolean open, Rating rating, Instant publishedAt, int metoo) {
    }

    private static final String OPEN = CaseStatus.sqlIn("c.status", s -> s.isOpen() || s == CaseStatus.UNDER_REVIEW);
    private static final String SELECT = """
            select i.id, i.title, i.summary, i.reply, i.township_code, i.category_code, (%s) as open, c.rating,
                   i.approved_at, (select count(*) from board_metoo m where m.item_id = i.id) as metoo
            from board_item i join case_report c on c.id = i.case_id
            where i.status = 'PUBLISHED'
            """.formatted(OPEN);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final byte[] visitorKey = new byte[32];

    PublicBoard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        new SecureRandom().nextBytes(visitorKey);
    }

    /** The newest published items of a wall, optionally of one township and one level-1 category. */
    public List<PublicItem> items(Wall wall, String township, String category, int page, int size) {
        StringBuilder sql = new StringBuilder(SELECT).append(wall == Wall.PROBLEMS ? " and " : " and not ")
                .append("(").append(OPEN).append(")");
        List<Object> params = new ArrayList<>();
        if (township != null) {
            sql.append(" and i.township_code = ?");
            params.add(township);
        }
        if (category != null) {
            sql.append(" and i.category_code like ?");
            params.add(category + "%");
        }
        sql.append(" order by i.approved_at desc, i.id desc limit ? offset ?");
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> item(rs)).list();
    }

    public Optional<PublicItem> find(long id) {
        return jdbc.sql(SELECT + " and i.id = ?").param(id).query((rs, n) -> item(rs)).optional();
    }

    /**
     * Adds the visitor's "me too" to an open published problem; false when the item is not an open problem.
     * A second one from the same visitor counts once.
     */
    @Transactional
    public boolean meToo(long itemId, String visitorAddress) {
        Optional<PublicItem> item = find(itemId).filter(PublicItem::open);
        if (item.isEmpty()) {
            return false;
        }
        jdbc.sql("insert into board_metoo (item_id, visitor_hash, at) values (?, ?, ?) on conflict do nothing")
                .params(itemId, visitorHash(itemId, visitorAddress), Timestamp.from(clock.instant())).update();
        return true;
    }

    private byte[] visitorHash(long itemId, String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(visitorKey, "HmacSHA256"));
            return mac.doFinal((itemId + "|" + address).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicItem item(java.sql.ResultSet rs) throws java.sql.SQLException {
        String rating = rs.getString("rating");
        Timestamp approved = rs.getTimestamp("approved_at");
        return new PublicItem(rs.getLong("id"), rs.getString("title"), rs.getString("summary"), rs.getString("reply"),
                rs.getString("township_code"), rs.getString("category_code"), rs.getBoolean("open"),
                rating == null ? null : Rating.valueOf(rating), approved.toInstant(), rs.getInt("metoo"));
    }
}
