package org.fengqiao.grids.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.categories.Categories;
import org.fengqiao.grids.GridBoard;
import org.fengqiao.grids.GridWorkers;
import org.fengqiao.grids.Patrols;
import org.fengqiao.organisation.Role;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * /grids from the phone: start a patrol (location only with consent), record findings and photos, end it; a
 * finding becomes a case in one action; the grid board of the centre's area.
 */
@Controller
class GridPages {

    static final String INDEX = "grids/index";

    private final Patrols patrols;
    private final GridWorkers workers;
    private final GridBoard board;
    private final Categories categories;
    private final ProblemMessages problems;

    GridPages(Patrols patrols, GridWorkers workers, GridBoard board, Categories categories, ProblemMessages problems) {
        this.patrols = patrols;
        this.workers = workers;
        this.board = board;
        this.categories = categories;
        this.problems = problems;
    }

    @GetMapping("/grids")
    String index(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("nav", "grids");
        if (actor.has(Role.GRID_WORKER)) {
            model.addAttribute("running", patrols.running(actor));
            model.addAttribute("myGrids", myGrids(actor));
            model.addAttribute("kinds", CaseKind.values());
            model.addAttribute("disputeTypes", categories.disputeTypes());
        }
        model.addAttribute("patrols", patrols.recent(actor, 20));
        if (actor.unit().isCentre()) {
            model.addAttribute("board", board.board(actor, null, null, null));
        }
        return INDEX;
    }

    private List<String> myGrids(Actor actor) {
        List<String> grids = new java.util.ArrayList<>(workers.within(actor, actor.unit().regionCode().value()).stream()
                .filter(w -> w.staffUserId() == actor.userId()).map(GridWorkers.GridWorker::gridCode).toList());
        if (actor.gridCode() != null && !grids.contains(actor.gridCode())) {
            grids.add(actor.gridCode());
        }
        return grids;
    }

    @PostMapping("/grids/patrols")
    String start(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String gridCode,
                 @RequestParam(defaultValue = "false") boolean locationConsent, RedirectAttributes redirect) {
        return act(redirect, () -> patrols.start(actor, gridCode, locationConsent), "grids.page.started");
    }

    /**
     * Location points from the browser while the patrol runs (only sent with consent), as a form post of parallel
     * {@code at}, {@code latitude} and {@code longitude} values; answers 204.
     */
    @PostMapping("/grids/patrols/{id}/points")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void points(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                @RequestParam(name = "at", required = false) List<String> at,
                @RequestParam(name = "latitude", required = false) List<Double> latitude,
                @RequestParam(name = "longitude", required = false) List<Double> longitude) {
        int n = latitude == null ? 0 : latitude.size();
        List<Patrols.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            java.time.Instant when = null;
            if (at != null && i < at.size()) {
                try {
                    when = java.time.Instant.parse(at.get(i));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new ProblemException.InvalidInput("at", "grids.pointOutsidePatrol");
                }
            }
            points.add(new Patrols.Point(when, latitude.get(i),
                    longitude == null || i >= longitude.size() ? null : longitude.get(i)));
        }
        patrols.addPoints(actor, id, points);
    }

    @PostMapping("/grids/patrols/{id}/findings")
    String finding(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam(required = false) CaseKind kind,
                   @RequestParam(required = false) String disputeType, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String description, @RequestParam(required = false) String address,
                   RedirectAttributes redirect) {
        return act(redirect, () -> patrols.addFinding(actor, id, new Patrols.NewFinding(kind,
                kind == CaseKind.DISPUTE ? disputeType : null, title, description, address, null, null)),
                "grids.page.findingAdded");
    }

    @PostMapping("/grids/patrols/{id}/photos")
    String photo(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                 @RequestParam(value = "photo", required = false) MultipartFile photo, RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = photo == null ? null : photo.getBytes();
        return act(redirect, () -> patrols.addPhoto(actor, id, bytes), "grids.page.photoAdded");
    }

    @PostMapping("/grids/patrols/{id}/end")
    String end(@AuthenticationPrincipal Actor actor, @PathVariable long id,
               @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        return act(redirect, () -> patrols.end(actor, id, notes), "grids.page.ended");
    }

    @PostMapping("/grids/findings/{id}/case")
    String toCase(@AuthenticationPrincipal Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            long caseId = patrols.toCase(actor, id).id();
            redirect.addFlashAttribute("success", problems.text("grids.page.registered"));
            return "redirect:/cases/" + caseId;
        } catch (ProblemException.NotFound e) {
            throw e;
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
            return "redirect:/grids";
        }
    }

    private String act(RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("success", problems.text(done));
        } catch (ProblemException.NotFound e) {
            throw e;
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", problems.text(e));
        }
        return "redirect:/grids";
    }
}
