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

    CaseContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first applicant's mobile number (11 digits starting with 1), if the case has one. */
    public Optional<String> applicantMobile(long caseId) {
        return jdbc.sql("""
                        select phone from case_party where case_id = ? and role = 'APPLICANT' and phone is not null
                        order by id
                        """).param(caseId).query(String.class).list().stream()
                .map(p -> p.replaceAll("[\\s-]", "")).filter(p -> p.matches("1\\d{10}")).findFirst();
    }
}
