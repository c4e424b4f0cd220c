package org.fengqiao.cases;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.fengqiao.risk.RiskLevel;
import org.fengqiao.access.Jurisdiction;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;

/**
 * The SQL every reader and writer of cases shares: the jurisdiction condition (bound, or written out for
 * queries over many cases), the {@code where} of lists, counts, trays and scopes, and the conversions of times
 * and nullable numbers.
 */
final class CaseSql {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private CaseSql() {
    }

    /**
     * A revisit not made within 30 days of falling due has lapsed: it leaves the workbench (the analytics count
     * it as missed) rather than piling up there forever.
     */
    static final java.time.Duration REVISIT_WINDOW = java.time.Duration.ofDays(30);
    /**
     * The jurisdiction predicate; {@code c} is the cases table, parameters from {@link #bindJurisdiction}. The
     * region subtree is a range scan on {@code cases_region_idx}; the involved cases an index lookup by id, so a
     * village's list does not scan the county.
     */
    static final String IN_JURISDICTION = """
            (c.region_code between :jLo and :jHi
             or c.id = any(array(select cu.case_id from case_unit cu where cu.unit_id = :jUnit)))
            """;

    /** The same for a unit that is not a centre: only the cases it is involved with, as a semi-join. */
    static final String INVOLVED_ONLY = """
            (c.id in (select cu.case_id from case_unit cu where cu.unit_id = :jUnit))
            """;

    /** The jurisdiction predicate that suits the caller; bind it with {@link #bindJurisdiction}. */
    static String inJurisdiction(Jurisdiction j) {
        return j.regionPrefix() == null ? INVOLVED_ONLY : IN_JURISDICTION;
    }

    /**
     * The jurisdiction predicate with the region range and the unit written into the SQL, for queries over many
     * cases (lists, counts, searches, trays). PostgreSQL plans a statement run often once for any parameters, and
     * with the range as a parameter it guesses that a few hundred cases lie in it: for a centre whose region holds
     * most cases it then joins a text search to every case of the region (143 ms instead of 16 ms for 纠纷 over
     * 100,000 cases). Written out, each jurisdiction gets a plan for its own size. Only digits are written.
     */
    static String inJurisdictionWrittenOut(Jurisdiction j) {
        if (j.unitId() == NO_UNIT) {
            // a list's region half, read in registration order from the region's own index
            return "(" + inRegionInOrderWrittenOut(j.regionPrefix()) + ")";
        }
        if (NOWHERE.equals(j.regionPrefix())) {
            // the involved cases looked up by id (not as a semi-join, which PostgreSQL may answer walking the whole
            // history in the list's order in the hope of meeting them early)
            return IN_JURISDICTION.replace("c.region_code between :jLo and :jHi", "false")
                    .replace(":jUnit", Long.toString(j.unitId()));
        }
        String unitOnly = inJurisdiction(j).replace(":jUnit", Long.toString(j.unitId()));
        return j.regionPrefix() == null ? unitOnly
                : unitOnly.replace("c.region_code between :jLo and :jHi", inRegionWrittenOut(j.regionPrefix()));
    }

    /**
     * The SQL condition that a case lies in a region's subtree, written out (see {@link #inJurisdictionWrittenOut}).
     * A case's region is a 12-digit code (a village's, or a township's or county's for a matter of that level; the
     * grid is kept beside it), so a village's subtree is its one code: an equality, which the region index answers in
     * registration order (a village's newest cases without sorting all of them).
     */
    static String inRegionWrittenOut(String prefix) {
        if (digits(prefix).length() == 12) {
            return "c.region_code = '" + prefix + "'";
        }
        String[] range = regionRange(prefix);
        return "c.region_code between '" + range[0] + "' and '" + range[1] + "'";
    }

    /**
     * The same condition for reading a region's cases in registration order: a county's or a township's as
     * {@code left(region_code, 6 or 9)}, answered in that order by its own index (V98) — found among all the newest
     * cases they would be one in a hundred, one in a thousand in a province. (Counted, the range is cheaper: the region
     * index alone answers it.)
     */
    static String inRegionInOrderWrittenOut(String prefix) {
        return digits(prefix).length() == 6 || prefix.length() == 9
                ? "left(c.region_code, " + prefix.length() + ") = '" + prefix + "'" : inRegionWrittenOut(prefix);
    }

    /** No unit: a jurisdiction of a region alone ({@link #regionHalf}). Unit ids start at 1. */
    private static final long NO_UNIT = 0;
    /** No region: a centre's jurisdiction without its region ({@link #unitHalf}); no case's region starts so. */
    private static final String NOWHERE = "-";

    /**
     * A centre's jurisdiction without the cases its unit is involved with elsewhere: its region alone, written in the
     * form its index reads in registration order ({@link #inRegionInOrderWrittenOut}).
     */
    static Jurisdiction regionHalf(Jurisdiction j) {
        return new Jurisdiction(j.regionPrefix(), NO_UNIT);
    }

    /** A centre's jurisdiction without its region: the cases its unit is involved with, looked up by id. */
    static Jurisdiction unitHalf(Jurisdiction j) {
        return new Jurisdiction(NOWHERE, j.unitId());
    }

    private static String digits(String s) {
        if (!s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException("not a region prefix: " + s);
        }
        return s;
    }

    /** Sets the parameters of {@link #IN_JURISDICTION}. */
    static void bindJurisdiction(java.util.Map<String, Object> params, Jurisdiction j) {
        String[] range = regionRange(j.regionPrefix());
        params.put("jLo", range[0]);
        params.put("jHi", range[1]);
        params.put("jUnit", j.unitId());
    }

    /**
     * The codes of a region's subtree as a range: every 12- or 15-digit code starting with the prefix sorts
     * between the prefix itself and the prefix padded with 9s to 15 digits. No prefix gives an empty range.
     */
    static String[] regionRange(String prefix) {
        if (prefix == null) {
            return new String[] {"~", "~"};
        }
        return new String[] {prefix, prefix + "9".repeat(15 - prefix.length())};
    }

    static final String JOINT_UNITS = """
            array(select cu.unit_id from case_unit cu where cu.case_id = c.id and cu.role = 'JOINT'
                  and cu.unit_id is distinct from c.handling_unit) as joint_units
            """;

    /** A WHERE clause with its parameters. */
    record Where(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            params.forEach(spec::param);
            return spec;
        }
    }

    /** The instants trays compare with: now, and "due soon" = before the end of the second working day. */
    record TrayBounds(Instant now, Instant dueSoon) {
    }

    /**
     * For a search within a county, township or village: the cases whose terms hold the words and the region's term
     * together (one lookup in the term index, see {@link RegionTerms}), or that the caller's unit is involved with —
     * the jurisdiction's two halves, so that the search reads only the cases it may find. Nothing for a province or
     * a city, or a unit without a region.
     */
    private static String withinRegionByTerms(Jurisdiction j, CaseFilter f, List<String> words) {
        String within = RegionTerms.forPrefix(j.regionPrefix());
        if (within == null || (f.tray() != null && f.tray().isOwnUnits())) {
            return "";
        }
        List<String> driving = new java.util.ArrayList<>(words);
        driving.add(within);
        if (f.region() != null && DivisionCode.isValid(f.region())) {
            String narrower = RegionTerms.forPrefix(DivisionCode.of(f.region()).prefix());
            if (narrower != null && !narrower.equals(within)) {
                driving.add(narrower); // the filter's region lies in the jurisdiction or matches nothing anyway
            }
        }
        return " and (c.id = any(array(select t.case_id from case_text t where t.search_terms @> '{"
                + String.join(",", driving) + "}'::text[]))"
                + " or c.id = any(array(select cu.case_id from case_unit cu where cu.unit_id = " + j.unitId() + ")))";
    }

    static Where where(Jurisdiction j, CaseFilter f) {
        return where(j, f, null);
    }

    /**
     * The keyed hashes {phone, ID number} a word typed in the search box is compared with in the parties' hash
     * columns, or null when the word is not such a number or the caller may not search by it (see PartySearch).
     */
    interface PartyHashes {
        String[] of(String word);
    }

    static final PartyHashes NO_PARTY_SEARCH = word -> null;

    /** The words of a search; digits in groups ("139 1234 5678", as a number is read out) are one word. */
    static String[] words(String text) {
        return text.strip().replaceAll("(?<=\\d)\\s+(?=\\d)", "").split("\\s+");
    }

    static Where where(Jurisdiction j, CaseFilter f, TrayBounds bounds) {
        return where(j, f, bounds, NO_PARTY_SEARCH);
    }

    static Where where(Jurisdiction j, CaseFilter f, TrayBounds bounds, PartyHashes parties) {
        Map<String, Object> p = new java.util.HashMap<>();
        // a tray of the caller's own unit (owner, handler, addressee) lies within the jurisdiction by construction
        // and is found through the unit's indexes; other filters are intersected with the jurisdiction, written
        // out so that the plan suits its size
        StringBuilder sql = new StringBuilder(f.tray() != null && f.tray().isOwnUnits()
                ? " true" : " " + inJurisdictionWrittenOut(j));
        if (!f.statuses().isEmpty()) {
            sql.append(" and c.status = any(cast(:statuses as text[]))");
            p.put("statuses", f.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.kind() != null) {
            sql.append(" and c.kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.channel() != null) {
            sql.append(" and c.channel = :channel");
            p.put("channel", f.channel().name());
        }
        if (f.categoryCode() != null && !f.categoryCode().isBlank()) {
            sql.append(" and c.category_code like :category");
            p.put("category", f.categoryCode().replaceAll("[^0-9]", "") + "%");
        }
        if (f.disputeType() != null && !f.disputeType().isBlank()) {
            sql.append(" and c.dispute_type = :disputeType");
            p.put("disputeType", f.disputeType());
        }
        if (f.region() != null && !f.region().isBlank()) {
            if (!DivisionCode.isValid(f.region())) {
                throw new ProblemException.InvalidInput("region", "region.code.invalid");
            }
            DivisionCode region = DivisionCode.of(f.region());
            if (region.level() == org.fengqiao.regions.RegionLevel.GRID) {
                // a case's region is its village; the grid it lies in is kept beside it
                sql.append(" and c.grid_code = :region");
                p.put("region", region.value());
            } else {
                sql.append(" and ").append(inRegionWrittenOut(region.prefix()));
            }
        }
        if (f.unitId() != null) {
            sql.append(" and c.handling_unit = :unit");
            p.put("unit", f.unitId());
        }
        if (f.overdue() != null) {
            sql.append(f.overdue() ? " and c.overdue_since is not null and c.status in ('ASSIGNED', 'IN_PROGRESS')"
                    : " and (c.overdue_since is null or c.status not in ('ASSIGNED', 'IN_PROGRESS'))");
        }
        if (f.from() != null) {
            sql.append(" and c.registered_at >= :from");
            p.put("from", ts(ChinaTime.startOf(f.from())));
        }
        if (f.to() != null) {
            sql.append(" and c.registered_at < :to");
            p.put("to", ts(ChinaTime.endOf(f.to())));
        }
        if (f.text() != null && !f.text().isBlank()) {
            // Chinese words (two or more characters) match by their character pairs in the term index, as search
            // engines do; any other word (letters, digits, a single character) as a substring
            String[] words = words(f.text());
            List<String> terms = new java.util.ArrayList<>();
            int substrings = 0;
            for (int i = 0; i < Math.min(words.length, 5); i++) {
                String word = words[i];
                boolean chinese = word.codePointCount(0, word.length()) >= 2
                        && org.fengqiao.intelligence.text.SearchTerms.isChinese(word);
                if (chinese) {
                    terms.addAll(org.fengqiao.intelligence.text.SearchTerms.of(word));
                } else {
                    // the tracking code also without its hyphens, as read out on the phone
                    String substring = "(c.title || ' ' || c.description || ' ' || coalesce(c.address, '') || ' '"
                            + " || c.tracking_code || ' ' || replace(c.tracking_code, '-', '')) ilike :text" + substrings
                            + " escape '\\'";
                    String[] hashes = parties.of(word);
                    if (hashes == null) {
                        sql.append(" and ").append(substring);
                    } else {
                        sql.append(" and (").append(substring).append(" or exists (select 1 from case_party cp")
                                .append(" where cp.case_id = c.id and (cp.phone_hash = :phoneHash").append(substrings)
                                .append(" or cp.id_number_hash = :idHash").append(substrings).append(")))");
                        p.put("phoneHash" + substrings, hashes[0] == null ? "-" : hashes[0]);
                        p.put("idHash" + substrings, hashes[1] == null ? "-" : hashes[1]);
                    }
                    p.put("text" + substrings++, "%" + word.replace("\\", "\\\\").replace("%", "\\%")
                            .replace("_", "\\_") + "%");
                }
            }
            List<String> chinese = terms.stream().distinct()
                    .filter(org.fengqiao.intelligence.text.SearchTerms::isChinese).toList();
            if (!chinese.isEmpty()) {
                // written out (they are Chinese characters only), so that the plan suits how common they are: a
                // rare word is looked up in the term index, a common one found walking the newest cases
                sql.append(" and exists (select 1 from case_text t where t.case_id = c.id and t.search_terms @> '{")
                        .append(String.join(",", chinese)).append("}'::text[])");
                sql.append(withinRegionByTerms(j, f, chinese));
            }
        }
        if (f.minRisk() != null) {
            sql.append(" and c.risk_level = any(cast(:risks as text[]))");
            p.put("risks", java.util.Arrays.stream(RiskLevel.values()).filter(r -> r.ordinal() >= f.minRisk().ordinal())
                    .map(Enum::name).toArray(String[]::new));
        }
        if (f.supervised() != null) {
            sql.append(" and c.supervised = :supervised");
            p.put("supervised", f.supervised());
        }
        if (f.trackingCode() != null && !f.trackingCode().isBlank()) {
            sql.append(" and c.tracking_code = :trackingCode");
            p.put("trackingCode", TrackingCode.normalise(f.trackingCode()).orElse("-"));
        }
        if (f.tray() != null) {
            p.put("myUnit", j.unitId());
            p.put("now", ts(bounds.now()));
            p.put("dueSoon", ts(bounds.dueSoon()));
            p.put("revisitLapsed", ts(bounds.now().minus(REVISIT_WINDOW)));
            String mine = "(c.handling_unit = :myUnit or c.owner_unit = :myUnit"
                    + (j.regionPrefix() == null ? ")" : " or " + inRegionWrittenOut(j.regionPrefix()) + ")");
            sql.append(" and ").append(switch (f.tray()) {
                case TO_DISPATCH -> "c.status = 'REGISTERED' and c.owner_unit = :myUnit";
                case RETURNED -> "c.status = 'RETURNED' and c.owner_unit = :myUnit";
                case TO_ACCEPT -> "c.status = 'ASSIGNED' and c.handling_unit = :myUnit";
                case IN_PROGRESS -> "c.status = 'IN_PROGRESS' and (c.handling_unit = :myUnit or c.id = any(array("
                        + "select j.case_id from case_unit j where j.unit_id = :myUnit and j.role = 'JOINT')))";
                case DUE_SOON -> "c.status in ('ASSIGNED', 'IN_PROGRESS') and c.overdue_since is null"
                        + " and c.handle_due_at >= :now and c.handle_due_at < :dueSoon and " + mine;
                // a deadline passed moments ago counts before the sweep has marked it
                case OVERDUE -> "c.status in ('ASSIGNED', 'IN_PROGRESS')"
                        + " and (c.overdue_since is not null or c.handle_due_at < :now) and " + mine;
                case SUPERVISED -> "c.status in ('REGISTERED', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED') and c.id = any(array("
                        + "select n.case_id from supervision_notice n where n.unit_id = :myUnit and n.answered_at is null))";
                case EXTENSIONS -> "c.pending_extension is not null and c.status = 'IN_PROGRESS'";
                case TO_EVALUATE -> "c.status = 'CLOSED' and c.rating is null and c.owner_unit = :myUnit";
                case REVIEWS -> "c.status = 'UNDER_REVIEW'";
                case REVISITS_DUE -> "c.status in ('CLOSED', 'ARCHIVED') and c.revisited_at is null"
                        + " and c.revisit_due_at < :dueSoon and c.revisit_due_at > :revisitLapsed"
                        + " and c.owner_unit = :myUnit";
            });
        }
        return new Where(sql.toString(), p);
    }

    /** A case's state from a row of {@code cases c} with {@link #JOINT_UNITS}. */
    static CaseState caseState(ResultSet rs, ObjectMapper json) throws SQLException {
        Classification classification = new Classification(CaseKind.valueOf(rs.getString("kind")),
                rs.getString("category_code"), rs.getString("dispute_type"), rs.getBoolean("urgent"),
                RiskLevel.valueOf(rs.getString("risk_level")), json.readValue(rs.getString("risk_reasons"), STRINGS));
        DueDates due = new DueDates(instant(rs, "assigned_at"), instant(rs, "accept_due_at"),
                instant(rs, "accepted_at"), instant(rs, "handle_due_at"), rs.getString("handle_policy"),
                instant(rs, "overdue_since"), instant(rs, "chased_at"), instant(rs, "reported_at"));
        Closure closure = new Closure(rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                instant(rs, "closed_at"), (Boolean) rs.getObject("closed_on_time"),
                rs.getString("rating") == null ? null : Rating.valueOf(rs.getString("rating")),
                instant(rs, "evaluated_at"), instant(rs, "revisit_due_at"), instant(rs, "revisited_at"),
                instant(rs, "archived_at"));
        return new CaseState(new CaseId(rs.getLong("id")), rs.getString("tracking_code"),
                DivisionCode.of(rs.getString("region_code")), Channel.valueOf(rs.getString("channel")), classification,
                CaseStatus.valueOf(rs.getString("status")), rs.getLong("owner_unit"), longOrNull(rs, "handling_unit"),
                longs(rs.getArray("joint_units")), rs.getString("routing_rule"), rs.getString("routing_reason"), due,
                rs.getBoolean("supervised"), rs.getInt("extension_count"), longOrNull(rs, "pending_extension"),
                rs.getInt("return_count"), rs.getInt("reopen_count"), closure, longOrNull(rs, "merged_into"),
                rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Set<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return new HashSet<>(Arrays.asList((Long[]) array.getArray()));
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
