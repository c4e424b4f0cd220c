package org.fengqiao.cases;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How the platform itself reaches the citizen who brought a case: the first applicant's mobile number, for
 * messages the platform sends (not for display: staff see parties masked, see {@link CaseQueries}).
 */
@Service
public class CaseContacts {

    private final JdbcClient jdbc;
    private final PartyData parties;

    CaseContacts(JdbcClient jdbc, PartyData parties) {
        this.jdbc = jdbc;
        this.parties = parties;
    }

    /** The first applicant's mobile number (11 digits starting with 1), if the case has one. */
    public Optional<String> applicantMobile(long caseId) {
        return jdbc.sql("""
                        select name, phone, id_number, address from case_party
                        where case_id = ? and role = 'APPLICANT' and phone is not null order by id
                        """).param(caseId).query((rs, n) -> parties.open(rs).phone()).list().stream()
                .filter(java.util.Objects::nonNull)
                .map(p -> p.replaceAll("[\\s-]", "")).filter(p -> p.matches("1\\d{10}")).findFirst();
    }
}
