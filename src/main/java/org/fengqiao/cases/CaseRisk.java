package org.fengqiao.cases;

import static org.fengqiao.cases.CaseSql.ts;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.cases.CaseCommands.PartyInput;
import org.fengqiao.crypto.PersonalData;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.risk.RiskAssessment;
import org.fengqiao.risk.RiskAssessor;
import org.fengqiao.risk.RiskFacts;

/**
 * Assesses a case's risk from its own facts and history: at registration, and again whenever something the
 * rules look at changes (at triage, when a deadline is missed, when the citizen is dissatisfied). The facts are
 * gathered one way for both: the case's words and figures, the other cases its parties appear in (by phone or
 * ID number) and the open cases of the same problem nearby — no profile of any person.
 */
@Component
class CaseRisk {

    /**
     * The keyed hashes ({@link PersonalData#phoneHash}, {@link PersonalData#idNumberHash}) of the phone numbers and
     * ID numbers by which a case's parties are found in other cases: the clear values are never compared.
     */
    record PartyKeys(List<String> phones, List<String> idNumbers) {

        static PartyKeys of(List<PartyInput> parties, PersonalData personal) {
            List<String> phones = new ArrayList<>();
            List<String> idNumbers = new ArrayList<>();
            for (PartyInput p : parties) {
                String phone = personal.phoneHash(p.phone());
                if (phone != null) {
                    phones.add(phone);
                }
                String id = personal.idNumberHash(p.idNumber());
                if (id != null) {
                    idNumbers.add(id);
                }
            }
            return new PartyKeys(phones, idNumbers);
        }

        boolean isEmpty() {
            return phones.isEmpty() && idNumbers.isEmpty();
        }
    }

    /** What the rules read of a case besides its classification. */
    record CaseFacts(String title, String description, int people, BigDecimal amount, PartyKeys parties) {
    }

    private final RiskAssessor assessor;
    private final JdbcClient jdbc;
    private final PersonalData personal;

    CaseRisk(RiskAssessor assessor, JdbcClient jdbc, PersonalData personal) {
        this.assessor = assessor;
        this.jdbc = jdbc;
        this.personal = personal;
    }

    /** The search keys of the parties of a case being registered. */
    PartyKeys partyKeys(List<PartyInput> parties) {
        return PartyKeys.of(parties, personal);
    }

    /** The assessment of a case being registered (it is not stored yet; {@code id} is the id it will have). */
    RiskAssessment assessNew(long id, Classification c, DivisionCode region, CaseFacts facts, Instant now) {
        return assess(id, c.kind(), c.categoryCode(), c.disputeType(), region, facts, false, false, now);
    }

    /** The assessment the case would have with the given classification (used when triage changes it). */
    RiskAssessment assess(Case c, CaseKind kind, String categoryCode, String disputeType, Instant now) {
        return assess(c.id().value(), kind, categoryCode, disputeType, c.region(), facts(c.id().value()), c.overdueSince() != null,
                c.rating() == Rating.DISSATISFIED, now);
    }

    /**
     * Assesses the case as it now stands and records the change, if any.
     *
     * @return whether the level or its reasons changed
     */
    boolean reassess(Case c, Case.Act act) {
        RiskAssessment a = assess(c, c.kind(), c.categoryCode(), c.disputeType(), act.at());
        return c.reassessRisk(a.level(), a.reasons(), act);
    }

    private RiskAssessment assess(long id, CaseKind kind, String categoryCode, String disputeType, DivisionCode region,
                                  CaseFacts f, boolean overdue, boolean dissatisfied, Instant now) {
        return assessor.assess(new RiskFacts(kind.name(), disputeType, f.title(), f.description(), f.people(),
                f.amount(), casesWithParties(f.parties(), id), sameProblemNearby(categoryCode, region, now), overdue,
                dissatisfied, ChinaTime.dateOf(now)));
    }

    private CaseFacts facts(long id) {
        return jdbc.sql("""
                select title, description, people_involved, amount_involved,
                       array(select p.phone_hash from case_party p where p.case_id = c.id and p.phone_hash is not null)
                           as phones,
                       array(select p.id_number_hash from case_party p
                             where p.case_id = c.id and p.id_number_hash is not null) as id_numbers
                from cases c where id = ?
                """).param(id).query((rs, n) -> new CaseFacts(rs.getString(1), rs.getString(2), rs.getInt(3),
                rs.getBigDecimal(4), new PartyKeys(strings(rs.getArray(5)), strings(rs.getArray(6))))).single();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** Other cases in which any of these phone numbers or ID numbers appear (by their keyed hashes). */
    private int casesWithParties(PartyKeys parties, long excludingCaseId) {
        if (parties.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                select count(distinct case_id) from case_party
                where case_id <> :id and (phone_hash = any(cast(:phones as text[]))
                                      or id_number_hash = any(cast(:ids as text[])))
                """).param("id", excludingCaseId).param("phones", parties.phones().toArray(String[]::new))
                .param("ids", parties.idNumbers().toArray(String[]::new)).query(Integer.class).single();
    }

    /** Open cases of the same category registered in the same village in the 30 days before {@code at}. */
    private int sameProblemNearby(String categoryCode, DivisionCode region, Instant at) {
        if (categoryCode == null) {
            return 0;
        }
        return jdbc.sql("""
                select count(*) from cases
                where category_code = ? and region_code = ? and registered_at > ?
                  and\s""" + CaseStatus.sqlIn("status", CaseStatus::isOpen))
                .params(categoryCode, region.value(), ts(at.minus(Duration.ofDays(30)))).query(Integer.class).single();
    }
}
