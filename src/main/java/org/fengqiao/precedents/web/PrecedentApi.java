package org.fengqiao.precedents.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.access.Actor;
import org.fengqiao.precedents.Precedent;
import org.fengqiao.precedents.Precedents;

/** 类案: the closed cases closest to a case, and a search over closed cases, within the caller's jurisdiction. */
@RestController
class PrecedentApi {

    record Found(List<Precedent> precedents) {
    }

    private final Precedents precedents;

    PrecedentApi(Precedents precedents) {
        this.precedents = precedents;
    }

    /** The closed cases most like this one (404 when the case is not the caller's to see). */
    @GetMapping("/api/cases/{id}/similar")
    Found similar(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                  @RequestParam(defaultValue = "5") int limit,
                  @RequestParam(defaultValue = "false") boolean resolvedOnly) {
        return new Found(precedents.similarTo(actor, id, limit, resolvedOnly));
    }

    /** Closed cases matching a text of at most 200 characters. */
    @GetMapping("/api/precedents")
    Found search(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
                 @RequestParam(defaultValue = "10") int limit,
                 @RequestParam(defaultValue = "false") boolean resolvedOnly) {
        return new Found(precedents.search(actor, q, limit, resolvedOnly));
    }
}
