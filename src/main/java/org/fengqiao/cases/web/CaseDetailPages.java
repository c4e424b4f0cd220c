package org.fengqiao.cases.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseAction;
import org.fengqiao.cases.CaseAttachments;
import org.fengqiao.cases.CaseCommands.*;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.cases.CaseViews.CaseView;
import org.fengqiao.cases.MediationResult;
import org.fengqiao.cases.Outcome;
import org.fengqiao.cases.Rating;
import org.fengqiao.cases.RevisitResult;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.PlausibleDates;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * The case page: facts, masked parties (reveal is audited), map pin, deadline status, timeline, attachments,
 * and a form for each action the user may take now. Every form posts back here and redirects (PRG), with
 * the outcome as a flash message.
 */
@Controller
class CaseDetailPages {

    static final String DETAIL = "cases/detail";
    static final String PARTY_ROW = "cases/party :: row";
    static final String DUPLICATES = "cases/duplicates :: panel";
    static final String ACTION_FORM = "cases/action-form :: form";
    static final String ACTION_UNAVAILABLE = "cases/action-form :: unavailable";

    private final CaseQueries queries;
    private final CaseService cases;
    private final CaseAttachments attachments;
    private final PageOptions options;
    private final ProblemMessages problems;
    private final String tiles;
    private final java.time.Clock clock;
    private final org.fengqiao.cases.duplicates.CaseDuplicates duplicates;
    private final org.fengqiao.cases.CaseReplies replies;

    CaseDetailPages(CaseQueries queries, CaseService cases, CaseAttachments attachments, PageOptions options,
                    ProblemMessages problems, @Value("${fengqiao.map.tile-url:}") String tiles, java.time.Clock clock,
                    org.fengqiao.cases.duplicates.CaseDuplicates duplicates, org.fengqiao.cases.CaseReplies replies) {
        this.replies = replies;
        this.clock = clock;
        this.duplicates = duplicates;
        this.queries = queries;
        this.cases = cases;
        this.attachments = attachments;
        this.options = options;
        this.problems = problems;
        this.tiles = tiles;
    }

    @GetMapping("/cases/{id}")
    String show(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                @RequestParam(name = "open", required = false) String open, Model model) {
        CaseView c = queries.get(actor, id);
        List<CaseAction> actions = c.allowedActions().stream().filter(a -> a != CaseAction.ATTACH).sorted().toList();
        model.addAttribute("nav", "cases");
        model.addAttribute("c", c);
        model.addAttribute("timeline", queries.timeline(actor, id));
        model.addAttribute("replies", replies.of(id));
        model.addAttribute("attachments", attachments.list(actor, id));
        model.addAttribute("actions", actions);
        model.addAttribute("primaryAction", primaryAction(c.status(), actions));
        model.addAttribute("mayAttach", c.allowedActions().contains(CaseAction.ATTACH));
        model.addAttribute("tiles", tiles);
        // the form of one action is rendered with the page only when asked for (?open=, or again after a refusal);
        // otherwise it is fetched when the user picks the action
        Object refused = model.getAttribute("openAction");
        String wanted = refused instanceof CaseAction a ? a.name() : open;
        CaseAction opened = actions.stream().filter(a -> a.name().equals(wanted)).findFirst().orElse(null);
        model.addAttribute("openAction", opened);
        if (opened != null) {
            addFormOptions(actor, c, opened, model);
        }
        return DETAIL;
    }

    /** What this user most likely does next, in this order of what comes first; re-assigning is never it. */
    private static final List<CaseAction> NEXT_STEPS = List.of(CaseAction.ACCEPT, CaseAction.DECIDE_EXTENSION,
            CaseAction.CONCLUDE_REVIEW, CaseAction.TRIAGE, CaseAction.CLOSE, CaseAction.EVALUATE, CaseAction.REVISIT,
            CaseAction.ARCHIVE);

    /**
     * The one action highlighted: assigning only while the case waits for a unit (registered or returned); then
     * the first of {@link #NEXT_STEPS} the user may take; none when nothing stands out (e.g. the intake officer on
     * a case already with a unit).
     */
    static CaseAction primaryAction(CaseStatus status, List<CaseAction> actions) {
        if ((status == CaseStatus.REGISTERED || status == CaseStatus.RETURNED) && actions.contains(CaseAction.ASSIGN)) {
            return CaseAction.ASSIGN;
        }
        return NEXT_STEPS.stream().filter(actions::contains).findFirst().orElse(null);
    }

    /**
     * The form of one action the user may take now, loaded by htmx into the case page. If the case has moved on
     * since the page was drawn and the action is no longer allowed, answers 409 with a notice naming the current
     * state instead of a form.
     */
    @GetMapping("/cases/{id}/forms/{action}")
    String form(@AuthenticationPrincipal Actor actor, @PathVariable long id, @PathVariable CaseAction action,
                Model model, HttpServletResponse response) {
        CaseView c = queries.get(actor, id);
        model.addAttribute("c", c);
        if (action == CaseAction.ATTACH || !c.allowedActions().contains(action)) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusal", problems.text("case.formUnavailable",
                    ProblemException.localized("status." + c.status()), ProblemException.localized("action." + action)));
            return ACTION_UNAVAILABLE;
        }
        model.addAttribute("a", action);
        addFormOptions(actor, c, action, model);
        return ACTION_FORM;
    }

    /** What the form of {@code action} offers to choose from: only what that form needs. */
    private void addFormOptions(Actor actor, CaseView c, CaseAction action, Model model) {
        if (!model.containsAttribute("typed")) { // after a refusal: what was typed, flashed by act()
            model.addAttribute("typed", Map.of());
        }
        // time fields default to now, to the minute, in China time (a datetime-local input has no zone)
        model.addAttribute("now", LocalDateTime.ofInstant(clock.instant(), ChinaTime.ZONE)
                .truncatedTo(ChronoUnit.MINUTES).toString());
        switch (action) {
            case TRIAGE -> {
                model.addAttribute("kinds", CaseKind.values());
                model.addAttribute("disputeTypes", options.disputeTypes());
                model.addAttribute("leafCategories", options.leafCategories());
            }
            case ASSIGN -> {
                cases.suggestRouting(actor, c.id()).ifPresent(s -> model.addAttribute("suggestion", s));
                model.addAttribute("unitsByLevel", options.unitsByLevel());
            }
            case ADD_JOINT_UNIT -> model.addAttribute("unitsByLevel", options.unitsByLevel());
            case TRANSFER -> model.addAttribute("sameLevelUnits", c.handling().handlingUnit() == null ? List.of()
                    : options.sameLevelAs(c.handling().handlingUnit().id()));
            case RECORD_MEDIATION -> model.addAttribute("mediationResults", MediationResult.values());
            case DECIDE_EXTENSION -> model.addAttribute("pendingExtension",
                    queries.pendingExtension(actor, c.id()).orElse(null));
            case CLOSE -> {
                List<Outcome> outcomes = c.status() == CaseStatus.IN_PROGRESS ? List.of(Outcome.values())
                        : Arrays.stream(Outcome.values()).filter(Outcome::mayCloseBeforeHandling).toList();
                java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
                model.addAttribute("outcomes", outcomes);
                model.addAttribute("replyTemplates", outcomes.stream().collect(java.util.stream.Collectors.toMap(
                        o -> o, o -> replies.template(o, locale), (x, y) -> x, java.util.LinkedHashMap::new)));
                model.addAttribute("replyRequired", c.intake().channel().citizenBrought());
            }
            case RECORD_AGREEMENT -> {
                model.addAttribute("today", ChinaTime.dateOf(clock.instant()));
                if (!model.containsAttribute("attachments")) { // the case page lists them already
                    model.addAttribute("attachments", attachments.list(actor, c.id()));
                }
            }
            case REFER_CONFIRMATION -> model.addAttribute("agreements", queries.agreements(actor, c.id()));
            case EVALUATE -> model.addAttribute("ratings", Rating.values());
            case REVISIT -> model.addAttribute("revisitResults", RevisitResult.values());
            default -> { }
        }
    }

    /** The 疑似重复 panel of an open case, loaded by htmx: probable duplicates with the reasons and a merge button. */
    @GetMapping("/cases/{id}/duplicates")
    String duplicates(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        org.fengqiao.cases.duplicates.CaseDuplicates.Panel panel = duplicates.panel(actor, id, 5);
        model.addAttribute("c", panel.handle());
        model.addAttribute("duplicates", panel.duplicates());
        model.addAttribute("mayMerge", panel.handle().allowedActions().contains(CaseAction.MERGE));
        return DUPLICATES;
    }

    @PostMapping("/cases/{id}/parties/{partyId}/reveal")
    String reveal(@AuthenticationPrincipal Actor actor, @PathVariable long id, @PathVariable long partyId,
                  @RequestParam(required = false) String purpose, Model model) {
        model.addAttribute("p", queries.revealParty(actor, id, partyId, purpose == null ? null : purpose.strip()));
        model.addAttribute("caseId", id);
        return PARTY_ROW;
    }

    @PostMapping("/cases/{id}/actions/{action}")
    String act(@AuthenticationPrincipal Actor actor, @PathVariable long id, @PathVariable CaseAction action,
               @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        queries.requireVisible(actor, id); // 404 outside the jurisdiction, before any check of the form
        try {
            perform(actor, id, action, new Form(form));
            redirect.addFlashAttribute("success", problems.text("case.actionDone",
                    ProblemException.localized("action." + action)));
        } catch (ProblemMessages.Invalid e) {
            redirect.addFlashAttribute("error", problems.text("case.actionFailed",
                    ProblemException.localized("action." + action), e.text()));
            redirect.addFlashAttribute("openAction", action);
            redirect.addFlashAttribute("typed", typed(form));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", problems.text("case.actionFailed",
                    ProblemException.localized("action." + action), problems.text(e)));
            redirect.addFlashAttribute("openAction", action);
            redirect.addFlashAttribute("typed", typed(form));
        }
        return "redirect:/cases/" + id;
    }

    /** What was typed in a refused form, to show it again (without the CSRF token). */
    private static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> typed = new java.util.HashMap<>(form.toSingleValueMap());
        typed.remove("_csrf");
        return typed;
    }

    private void perform(Actor actor, long id, CaseAction action, Form f) {
        switch (action) {
            case TRIAGE -> cases.triage(actor, id, problems.validate(new Triage(f.kind("kind"), f.text("categoryCode"),
                    f.text("disputeType"), f.flag("urgent"), f.text("note"))));
            case ASSIGN -> cases.assign(actor, id, problems.validate(new Assign(f.number("unitId"), f.text("note"))));
            case ACCEPT -> cases.accept(actor, id, f.text("note"));
            case RETURN -> cases.returnCase(actor, id, problems.validate(new Return(f.text("reason"))));
            case TRANSFER -> cases.transfer(actor, id, problems.validate(new Transfer(f.number("unitId"), f.text("reason"))));
            case ESCALATE -> cases.escalate(actor, id, problems.validate(new Escalate(f.text("reason"))));
            case ADD_NOTE -> cases.addNote(actor, id, problems.validate(new Note(f.text("note"))));
            case RECORD_MEDIATION -> cases.recordMediation(actor, id, problems.validate(new MediationSession(
                    f.dateTime("heldAt"), f.text("place"), f.text("mediators"), f.text("participants"),
                    f.choice("result", MediationResult.class), f.text("notes"))));
            case ADD_JOINT_UNIT -> cases.addJointUnit(actor, id, problems.validate(new JointUnit(f.number("unitId"),
                    f.text("note"))));
            case REQUEST_EXTENSION -> cases.requestExtension(actor, id, problems.validate(new ExtensionRequest(
                    f.date("until"), f.text("reason"))));
            case DECIDE_EXTENSION -> cases.decideExtension(actor, id, problems.validate(new ExtensionDecision(
                    f.text("approve") == null ? null : Boolean.valueOf(f.text("approve")), f.text("reason"))));
            case SUPERVISE -> cases.supervise(actor, id, problems.validate(new Supervision(f.text("message"),
                    f.date("dueOn"))));
            case CLOSE -> cases.close(actor, id, problems.validate(new Close(f.choice("outcome", Outcome.class),
                    f.text("summary"), f.text("reply"))));
            case REPLY -> replies.interim(actor, id, problems.validate(new Reply(f.text("text"))));
            case RECORD_AGREEMENT -> cases.recordAgreement(actor, id, problems.validate(new Agreement(f.date("signedOn"),
                    f.date("effectiveOn"), f.text("terms"), f.number("attachmentId"), f.text("responsibilities"),
                    f.text("performance"), f.date("performBy"))));
            case REFER_CONFIRMATION -> cases.referConfirmation(actor, id, f.requiredNumber("agreementId"),
                    problems.validate(new ConfirmationReferral(f.number("courtUnitId"), f.text("note"))));
            case EVALUATE -> cases.evaluate(actor, id, problems.validate(new Evaluation(f.choice("rating", Rating.class),
                    f.text("comment"), f.text("source"))));
            case CONCLUDE_REVIEW -> cases.concludeReview(actor, id, problems.validate(new ReviewDecision(
                    f.text("reopen") == null ? null : Boolean.valueOf(f.text("reopen")), f.text("reason"))));
            case ARCHIVE -> cases.archive(actor, id, f.text("note"));
            case REVISIT -> cases.revisit(actor, id, problems.validate(new Revisit(f.text("method"),
                    f.choice("result", RevisitResult.class), f.text("notes"))));
            case MERGE -> {
                String code = f.text("masterCode");
                long master = queries.findByTrackingCode(actor, code == null ? "" : code)
                        .orElseThrow(() -> new ProblemException.InvalidInput("masterCode", "case.masterCodeUnknown", code))
                        .id();
                cases.merge(actor, id, problems.validate(new Merge(master, f.text("reason"))));
            }
            case ATTACH -> throw new ProblemException.InvalidInput("file", "attachment.empty");
        }
    }

    @PostMapping("/cases/{id}/attachments")
    String upload(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam("file") MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        try {
            attachments.store(actor, id, file.getOriginalFilename(), file.getBytes());
            redirect.addFlashAttribute("success", problems.text("attachment.stored", file.getOriginalFilename()));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("error", problems.text(e));
        }
        return "redirect:/cases/" + id + "#attachments";
    }

    @GetMapping("/cases/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                                    @PathVariable long attachmentId) {
        CaseAttachments.Content content = attachments.read(actor, id, attachmentId)
                .orElseThrow(() -> new ProblemException.NotFound("attachment.notFound", attachmentId));
        return Downloads.of(content);
    }

    /** Typed access to a posted form; malformed values become a 400 naming the field. */
    private record Form(MultiValueMap<String, String> values) {

        String text(String name) {
            String v = values.getFirst(name);
            return v == null || v.isBlank() ? null : v.strip();
        }

        boolean flag(String name) {
            return "true".equals(text(name)) || "on".equals(text(name));
        }

        Long number(String name) {
            String v = text(name);
            try {
                return v == null ? null : Long.valueOf(v);
            } catch (NumberFormatException e) {
                throw new ProblemException.InvalidInput(name, "problem.badParameter", name, v);
            }
        }

        long requiredNumber(String name) {
            Long v = number(name);
            if (v == null) {
                throw new ProblemException.InvalidInput(name, "problem.badParameter", name, "");
            }
            return v;
        }

        LocalDate date(String name) {
            String v = text(name);
            try {
                return v == null ? null : PlausibleDates.parse(name, v);
            } catch (RuntimeException e) {
                throw new ProblemException.InvalidInput(name, "problem.badParameter", name, v);
            }
        }

        Instant dateTime(String name) {
            String v = text(name);
            try {
                return v == null ? null : PlausibleDates.require(name, LocalDateTime.parse(v).toLocalDate()) == null ? null
                        : LocalDateTime.parse(v).atZone(ChinaTime.ZONE).toInstant();
            } catch (RuntimeException e) {
                throw new ProblemException.InvalidInput(name, "problem.badParameter", name, v);
            }
        }

        CaseKind kind(String name) {
            return choice(name, CaseKind.class);
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            String v = text(name);
            try {
                return v == null ? null : Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw new ProblemException.InvalidInput(name, "problem.badParameter", name, v);
            }
        }
    }
}
