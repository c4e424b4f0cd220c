package org.fengqiao.demo;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.openboard.BoardItems;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.Units;

/**
 * Published items of the public response board: 枫桥镇's supervisor proposes some closed and rated cases with
 * their replies (回音壁) and some open ones (问题墙), de-identified as for any case, and approves them — the same
 * path as a person takes on {@code /board/review}.
 */
@Component
class DemoBoard {

    private final JdbcClient jdbc;
    private final BoardItems items;
    private final Staff staff;
    private final Units units;
    private final TransactionTemplate tx;

    DemoBoard(JdbcClient jdbc, BoardItems items, Staff staff, Units units, PlatformTransactionManager txm) {
        this.jdbc = jdbc;
        this.items = items;
        this.staff = staff;
        this.units = units;
        this.tx = new TransactionTemplate(txm);
    }

    /** Publishes the items unless the board has some already; returns how many were published. */
    int load() {
        if (jdbc.sql("select count(*) from board_item").query(Long.class).single() > 0) {
            return 0;
        }
        Actor supervisor = staff.findByUsername("fq.supervisor")
                .map(u -> Actor.of(u, units.get(u.unitId()))).orElseThrow();
        List<Long> closed = jdbc.sql("""
                select id from case_report c
                where c.region_code like '330681109%%' and %s and c.rating is not null
                order by c.closed_at desc, c.id limit 6
                """.formatted(CaseStatus.sqlIn("c.status", s -> s == CaseStatus.CLOSED || s == CaseStatus.ARCHIVED)))
                .query(Long.class).list();
        List<Long> open = jdbc.sql("""
                select id from case_report c where c.region_code like '330681109%%' and %s
                order by c.registered_at desc, c.id limit 3
                """.formatted(CaseStatus.sqlIn("c.status", CaseStatus::isOpen))).query(Long.class).list();
        int published = 0;
        for (long id : java.util.stream.Stream.concat(closed.stream(), open.stream()).toList()) {
            tx.executeWithoutResult(s -> items.approve(supervisor, items.propose(supervisor, id)));
            published++;
        }
        return published;
    }
}
