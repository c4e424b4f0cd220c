package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;

/** The case's parts (intake, classification, matter, handling, closure, evaluation) stay flat in the API. */
@IntegrationTest
class CaseViewJsonTest {

    @LocalServerPort
    int port;

    @Test
    void theApiShowsEveryFieldOfTheCaseAtTheTopLevelAsBefore() {
        Api api = new Api(port);
        Api.Response r = api.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR").body());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        List<String> fields = new ArrayList<>();
        api.get("fq.intake", "/api/cases/" + r.get("id").asLong()).json().propertyNames().forEach(fields::add);
        assertThat(fields).contains("id", "trackingCode", "status", "kind", "channel", "sourceRef", "category",
                "disputeType", "title", "description", "location", "peopleInvolved", "amountInvolved", "urgent", "risk",
                "registeringUnit", "ownerUnit", "handlingUnit", "jointUnits", "routing", "deadlines", "supervised",
                "outcome", "resolved", "closedAt", "closedOnTime", "rating", "evaluatedAt", "revisitDueAt",
                "revisitedAt", "archivedAt", "mergedInto", "returnCount", "reopenCount", "registeredAt",
                "registeredBy", "parties", "suggestion", "allowedActions", "version")
                .doesNotContain("intake", "classification", "matter", "handling", "closure", "evaluation");
    }
}
