package org.fengqiao.cases.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseFileQueries;
import org.fengqiao.cases.CaseFileViews;

/** A case's side records in full over the API (what the case page's 卷宗记录 section shows). */
@RestController
class CaseRecordsApi {

    private final CaseFileQueries files;

    CaseRecordsApi(CaseFileQueries files) {
        this.files = files;
    }

    /** Every side record of the case (free text masked for those who may not reveal personal data). */
    @GetMapping("/api/cases/{id}/records")
    CaseFileViews.Records records(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return files.records(actor, id);
    }
}
