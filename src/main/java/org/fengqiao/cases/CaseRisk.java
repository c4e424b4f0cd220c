package org.fengqiao.cases;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.platform.ChinaTime;
import org.fengqiao.risk.RiskAssessment;
import org.fengqiao.risk.RiskAssessor;
import org.fengqiao.risk.RiskFacts;

/**
 * Assesses a registered case's risk from its own facts and history, again whenever something the rules look at
 * changes: at triage, when a deadline is missed, when the citizen is dissatisfied. Only the case and the other
 * cases its parties appear in are read — no profile of any person.
 */
@Component
class CaseRisk {

    private final RiskAssessor assessor;
    private final CaseRepository repository;
    private final JdbcClient jdbc;

    CaseRisk(RiskAssessor assessor, CaseRepository repository, JdbcClient jdbc) {
        this.assessor = assessor;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** The assessment the case would have with the given classification (used when triage changes it). */
    RiskAssessment assess(Case c, CaseKind kind, String categoryCode, String disputeType, Instant now) {
        Facts f = facts(c.id());
        return assessor.assess(new RiskFacts(kind.name(), disputeType, f.title(), f.description(), f.people(),
                f.amount(), f.priorPartyCases(), repository.countSameProblemNearby(categoryCode, c.region(), now),
                c.overdueSince() != null, c.rating() == Rating.DISSATISFIED, ChinaTime.dateOf(now)));
    }

    /**
     * Assesses the case as it now stands and records the change, if any.
     *
     * @return whether the level or its reasons changed
     */
    boolean reassess(Case c, Case.Step step) {
        RiskAssessment a = assess(c, c.kind(), c.categoryCode(), c.disputeType(), step.at());
        return c.reassessRisk(RiskLevel.valueOf(a.level().name()), a.reasons(), step);
    }

    /**
     * The cases (the given one included) in which a party of case {@code :partyCase} appears again, by phone or ID
     * number: a union of two joins, each on its own index.
     */
    static final String SAME_PARTY_CASES = """
            select p2.case_id from case_party p1 join case_party p2 on p2.phone = p1.phone
            where p1.case_id = :partyCase and p1.phone is not null
            union
            select p2.case_id from case_party p1 join case_party p2 on p2.id_number = p1.id_number
            where p1.case_id = :partyCase and p1.id_number is not null
            """;

    private record Facts(String title, String description, int people, BigDecimal amount, int priorPartyCases) {
    }

    private Facts facts(long id) {
        return jdbc.sql("""
                select title, description, people_involved, amount_involved,
                       (select count(*) from (""" + SAME_PARTY_CASES + """
                        ) same where same.case_id <> c.id) as prior
                from cases c where id = :partyCase
                """).param("partyCase", id).query((rs, n) -> new Facts(rs.getString(1), rs.getString(2), rs.getInt(3),
                rs.getBigDecimal(4), rs.getInt(5))).single();
    }
}
