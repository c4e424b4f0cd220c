package org.fengqiao.cases;

import org.fengqiao.risk.RiskLevel;
import java.time.LocalDate;
import java.util.List;

/**
 * Filters for case lists; every field is optional and they combine with AND. The caller's jurisdiction is
 * always applied on top.
 *
 * @param region       a division code; the list keeps cases in its subtree
 * @param categoryCode a category code; the list keeps cases in its subtree
 * @param unitId       the handling unit
 * @param from         registered on or after this day (China time)
 * @param to           registered on or before this day
 * @param text         words in the title, description, address or tracking code
 * @param tray         a workbench tray of the caller (see {@link Tray})
 */
public record CaseFilter(List<CaseStatus> statuses, CaseKind kind, Channel channel, String categoryCode,
                         String disputeType, String region, Long unitId, Boolean overdue, LocalDate from, LocalDate to,
                         String text, RiskLevel minRisk, Boolean supervised, String trackingCode, Tray tray) {

    public static CaseFilter none() {
        return new CaseFilter(List.of(), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** Only the cases of one workbench tray. */
    public static CaseFilter of(Tray tray) {
        return new CaseFilter(List.of(), null, null, null, null, null, null, null, null, null, null, null, null, null,
                tray);
    }

    public CaseFilter withTray(Tray t) {
        return new CaseFilter(statuses, kind, channel, categoryCode, disputeType, region, unitId, overdue, from, to, text,
                minRisk, supervised, trackingCode, t);
    }

    public CaseFilter {
        statuses = statuses == null ? List.of() : statuses.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Sort orders a list may ask for. */
    public enum Sort {
        REGISTERED_DESC("c.registered_at desc, c.id desc"),
        REGISTERED_ASC("c.registered_at asc, c.id asc"),
        DUE_ASC("c.handle_due_at asc nulls last, c.id"),
        RISK_DESC("case c.risk_level when 'SEVERE' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end, c.registered_at desc"),
        STATUS("c.status, c.registered_at desc"),
        CODE("c.tracking_code");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }
}
