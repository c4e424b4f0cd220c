package org.fengqiao.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.UnitKind;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;

/**
 * A list longer than the export cap is refused at once, saying how long it is and what the cap is, before any
 * job starts.
 */
class LedgerExportCapTest {

    @Test
    void aListLongerThanTheCapIsRefusedBeforeAnyJobStarts() {
        CaseLists queries = mock(CaseLists.class);
        when(queries.count(any(), any())).thenReturn(50_001L);
        LedgerJobs jobs = mock(LedgerJobs.class);
        LedgerExport export = new LedgerExport(queries, null, null, null, mock(PlatformTransactionManager.class),
                jobs, new LedgerProperties(50_000, null, null, null, null, null), Clock.systemUTC(), null);
        Actor actor = new Actor(1, "fq.intake", "受理员", new Unit(1, "fq-centre", "枫桥镇社会治理中心", UnitKind.CENTRE,
                DivisionCode.of("330681109000"), true), Set.of(Role.INTAKE), null);

        ProblemException.InvalidInput refused = catchThrowableOfType(ProblemException.InvalidInput.class,
                () -> export.start(actor, new LedgerExport.Request(CaseFilter.none(), CaseFilter.Sort.REGISTERED_DESC, "")));

        assertThat(refused.messageKey()).isEqualTo("ledger.export.tooMany");
        assertThat(refused.args()).containsExactly("50,001", "50,000");
        verifyNoInteractions(jobs);
    }
}
