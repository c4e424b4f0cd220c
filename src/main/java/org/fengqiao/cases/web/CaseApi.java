package org.fengqiao.cases.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseAttachments;
import org.fengqiao.cases.duplicates.CaseDuplicates;
import org.fengqiao.cases.CaseCommands.*;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseReplies;
import org.fengqiao.cases.CaseReply;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.cases.CaseViews.*;
import org.fengqiao.cases.Channel;
import org.fengqiao.risk.RiskLevel;
import org.fengqiao.cases.Tray;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.routing.RoutingDecision;

/**
 * The JSON API of the closed loop. Every action answers with the case as it now stands; refusals are
 * problem details (404 outside the caller's reach, 409 not allowed in the current status, 403 not the
 * caller's to take, 400 bad input).
 */
@RestController
@RequestMapping("/api/cases")
@Validated
class CaseApi {

    private final CaseService cases;
    private final CaseQueries queries;
    private final CaseLists lists;
    private final CaseAttachments attachments;
    private final CaseDuplicates duplicates;
    private final CaseReplies replies;

    CaseApi(CaseService cases, CaseQueries queries, CaseLists lists, CaseAttachments attachments, CaseDuplicates duplicates,
            CaseReplies replies) {
        this.duplicates = duplicates;
        this.replies = replies;
        this.cases = cases;
        this.queries = queries;
        this.lists = lists;
        this.attachments = attachments;
    }

    /** A command on one case as {@link CaseService} spells them: who acts, on which case, with what. */
    @FunctionalInterface
    private interface Command<B> {
        void apply(Actor actor, long id, B body);
    }

    /** Runs the command and answers with the case as it now stands, as every action here does. */
    private <B> CaseView run(Command<B> command, Actor actor, long id, B body) {
        command.apply(actor, id, body);
        return queries.get(actor, id);
    }

    /** The note of an action whose body may be left out altogether. */
    private static String noteOf(OptionalNote body) {
        return body == null ? null : body.note();
    }

    /**
     * A registered case as {@code GET /api/cases/{id}} shows it, plus the open cases that are probably the same
     * matter, for the intake officer or a dispatcher to merge or link.
     */
    record Registered(@JsonUnwrapped CaseView caseView, List<CaseDuplicates.PossibleDuplicate> possibleDuplicates) {
    }

    @PostMapping
    ResponseEntity<Registered> register(@AuthenticationPrincipal Actor actor, @Valid @RequestBody RegisterCase body) {
        CaseService.Registration r = cases.register(actor, body);
        return ResponseEntity.created(URI.create("/api/cases/" + r.id())).body(new Registered(queries.get(actor, r.id()),
                duplicates.of(actor, r.id(), 5)));
    }

    /** Open cases that are probably the same matter as this one, best first, with the reasons. */
    @GetMapping("/{id}/duplicates")
    List<CaseDuplicates.PossibleDuplicate> duplicates(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                                      @RequestParam(defaultValue = "5") int limit) {
        return duplicates.of(actor, id, limit);
    }

    @GetMapping
    Page<CaseSummary> list(@AuthenticationPrincipal Actor actor,
                           @RequestParam(required = false) List<CaseStatus> status,
                           @RequestParam(required = false) CaseKind kind,
                           @RequestParam(required = false) Channel channel,
                           @RequestParam(required = false) @Size(max = 7) String category,
                           @RequestParam(required = false) @Size(max = 40) String disputeType,
                           @RequestParam(required = false) @Size(max = 15) String region,
                           @RequestParam(required = false) Long unit,
                           @RequestParam(required = false) Boolean overdue,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) @Size(max = 100) String q,
                           @RequestParam(required = false) RiskLevel risk,
                           @RequestParam(required = false) Boolean supervised,
                           @RequestParam(required = false) @Size(max = 40) String code,
                           @RequestParam(required = false) Tray tray,
                           @RequestParam(defaultValue = "REGISTERED_DESC") CaseFilter.Sort sort,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size) {
        return lists.list(actor, new CaseFilter(status, kind, channel, category, disputeType, region, unit, overdue,
                from, to, q, risk, supervised, code, tray), sort, page, size);
    }

    /**
     * The caller's workbench: how many cases wait in each tray that concerns them. A count stops at 1,001, which
     * means more than 1,000 (as the list's {@code total} does).
     */
    @GetMapping("/trays")
    java.util.Map<Tray, Long> trays(@AuthenticationPrincipal Actor actor) {
        return lists.trayCounts(actor);
    }

    @GetMapping("/{id}")
    CaseView get(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return queries.get(actor, id);
    }

    @GetMapping("/by-code/{code}")
    CaseView byCode(@AuthenticationPrincipal Actor actor, @PathVariable String code) {
        return queries.findByTrackingCode(actor, code).orElseThrow(() -> new ProblemException.NotFound("case.notFound", code));
    }

    @GetMapping("/{id}/timeline")
    List<TimelineEntry> timeline(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return queries.timeline(actor, id);
    }

    record Suggestion(Long unitId, String unitName, String ruleCode, String explanation, List<String> considered) {
    }

    @GetMapping("/{id}/routing-suggestion")
    Suggestion routing(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        RoutingDecision d = cases.suggestRouting(actor, id)
                .orElseThrow(() -> new ProblemException.NotFound("routing.noUnit"));
        return new Suggestion(d.unit().id(), d.unit().name(), d.ruleCode(), d.explanation(), d.considered());
    }

    record RevealRequest(@jakarta.validation.constraints.NotBlank @Size(max = 200) String purpose) {
    }

    @PostMapping("/{id}/parties/{partyId}/reveal")
    PartyView reveal(@AuthenticationPrincipal Actor actor, @PathVariable long id, @PathVariable long partyId,
                     @Valid @RequestBody RevealRequest body) {
        return queries.revealParty(actor, id, partyId, body.purpose());
    }

    @PostMapping("/{id}/triage")
    CaseView triage(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody Triage body) {
        return run(cases::triage, actor, id, body);
    }

    @PostMapping("/{id}/assign")
    CaseView assign(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                    @Valid @RequestBody(required = false) Assign body) {
        return run(cases::assign, actor, id, body == null ? new Assign(null, null) : body);
    }

    @PostMapping("/{id}/accept")
    CaseView accept(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                    @Valid @RequestBody(required = false) OptionalNote body) {
        return run(cases::accept, actor, id, noteOf(body));
    }

    @PostMapping("/{id}/return")
    CaseView returnCase(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody Return body) {
        return run(cases::returnCase, actor, id, body);
    }

    @PostMapping("/{id}/transfer")
    CaseView transfer(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody Transfer body) {
        return run(cases::transfer, actor, id, body);
    }

    @PostMapping("/{id}/escalate")
    CaseView escalate(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody Escalate body) {
        return run(cases::escalate, actor, id, body);
    }

    @PostMapping("/{id}/notes")
    CaseView note(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody Note body) {
        return run(cases::addNote, actor, id, body);
    }

    @PostMapping("/{id}/mediation-sessions")
    CaseView mediation(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                       @Valid @RequestBody MediationSession body) {
        return run(cases::recordMediation, actor, id, body);
    }

    @PostMapping("/{id}/joint-units")
    CaseView jointUnit(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody JointUnit body) {
        return run(cases::addJointUnit, actor, id, body);
    }

    @PostMapping("/{id}/extension-requests")
    CaseView requestExtension(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                              @Valid @RequestBody ExtensionRequest body) {
        return run(cases::requestExtension, actor, id, body);
    }

    @PostMapping("/{id}/extension-decision")
    CaseView decideExtension(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                             @Valid @RequestBody ExtensionDecision body) {
        return run(cases::decideExtension, actor, id, body);
    }

    @PostMapping("/{id}/supervision-notices")
    CaseView supervise(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody Supervision body) {
        return run(cases::supervise, actor, id, body);
    }

    @PostMapping("/{id}/close")
    CaseView close(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody Close body) {
        return run(cases::close, actor, id, body);
    }

    /** The replies to the citizen, oldest first. */
    @GetMapping("/{id}/replies")
    List<CaseReply> replies(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        queries.requireVisible(actor, id);
        return replies.of(id);
    }

    /** An interim reply to the citizen (阶段性答复). */
    @PostMapping("/{id}/replies")
    CaseView reply(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody Reply body) {
        return run(replies::interim, actor, id, body);
    }

    @PostMapping("/{id}/agreements")
    CaseView agreement(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody Agreement body) {
        return run(cases::recordAgreement, actor, id, body);
    }

    @PostMapping("/{id}/agreements/{agreementId}/confirmation-referral")
    CaseView refer(@AuthenticationPrincipal Actor actor, @PathVariable long id, @PathVariable long agreementId,
                   @Valid @RequestBody(required = false) ConfirmationReferral body) {
        return run((a, i, b) -> cases.referConfirmation(a, i, agreementId, b), actor, id, body == null ? new ConfirmationReferral(null, null) : body);
    }

    @PostMapping("/{id}/evaluation")
    CaseView evaluate(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody Evaluation body) {
        return run(cases::evaluate, actor, id, body);
    }

    @PostMapping("/{id}/review")
    CaseView review(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody ReviewDecision body) {
        return run(cases::concludeReview, actor, id, body);
    }

    @PostMapping("/{id}/archive")
    CaseView archive(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                     @Valid @RequestBody(required = false) OptionalNote body) {
        return run(cases::archive, actor, id, noteOf(body));
    }

    @PostMapping("/{id}/revisits")
    CaseView revisit(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody Revisit body) {
        return run(cases::revisit, actor, id, body);
    }

    @PostMapping("/{id}/merge")
    CaseView merge(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody Merge body) {
        return run(cases::merge, actor, id, body);
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CaseAttachments.AttachmentInfo> upload(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                                          @RequestPart("file") MultipartFile file) throws IOException {
        CaseAttachments.AttachmentInfo info = attachments.store(actor, id, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/attachments/" + info.id())).body(info);
    }

    @GetMapping("/{id}/attachments")
    List<CaseAttachments.AttachmentInfo> attachments(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return attachments.list(actor, id);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                    @PathVariable long attachmentId) {
        CaseAttachments.Content content = attachments.read(actor, id, attachmentId)
                .orElseThrow(() -> new ProblemException.NotFound("attachment.notFound", attachmentId));
        return Downloads.of(content);
    }

}
