package org.fengqiao.grids.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseService;
import org.fengqiao.grids.GridBoard;
import org.fengqiao.grids.GridWorkers;
import org.fengqiao.grids.Patrols;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.routing.MatterAdmission;
import org.fengqiao.routing.Router;

/** Grid work over JSON: grid workers, patrol logs from the phone, findings to cases, the grid board, 网格事项准入. */
@RestController
class GridApi {

    record Appointment(Long staffUserId, GridWorkers.Post post) {
    }

    record NewPatrol(String gridCode, Boolean locationConsent) {
    }

    record Points(List<Patrols.Point> points) {
    }

    record Ending(String notes) {
    }

    record Photo(long id) {
    }

    record Workers(List<GridWorkers.GridWorker> workers) {
    }

    record PatrolList(List<Patrols.Patrol> patrols) {
    }

    record Admission(List<MatterAdmission.Entry> matters) {
    }

    record Activation(Boolean active) {
    }

    private final GridWorkers workers;
    private final Patrols patrols;
    private final GridBoard board;
    private final Router router;

    GridApi(GridWorkers workers, Patrols patrols, GridBoard board, Router router) {
        this.workers = workers;
        this.patrols = patrols;
        this.board = board;
        this.router = router;
    }

    @GetMapping("/api/grids/workers")
    Workers workers(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String region) {
        return new Workers(workers.within(actor, region == null ? actor.unit().regionCode().value() : region));
    }

    @PutMapping("/api/grids/{grid}/workers")
    @PreAuthorize("hasAnyRole('ADMIN', 'DISPATCHER')")
    GridWorkers.GridWorker appoint(@AuthenticationPrincipal Actor actor, @PathVariable String grid,
                                   @RequestBody Appointment body) {
        if (body.staffUserId() == null) {
            throw new ProblemException.InvalidInput("staffUserId", "grids.noSuchUser");
        }
        return workers.appoint(actor, grid, body.staffUserId(), body.post());
    }

    @GetMapping("/api/grids/board")
    GridBoard.Board board(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String region,
                          @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return board.board(actor, region, from, to);
    }

    @PostMapping("/api/patrols")
    @ResponseStatus(HttpStatus.CREATED)
    Patrols.Patrol start(@AuthenticationPrincipal Actor actor, @RequestBody NewPatrol body) {
        return patrols.start(actor, body.gridCode(), Boolean.TRUE.equals(body.locationConsent()));
    }

    @GetMapping("/api/patrols")
    PatrolList recent(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "50") int limit) {
        return new PatrolList(patrols.recent(actor, limit));
    }

    @GetMapping("/api/patrols/{id}")
    Patrols.Patrol get(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return patrols.get(actor, id);
    }

    @PostMapping("/api/patrols/{id}/points")
    Patrols.Patrol points(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestBody Points body) {
        return patrols.addPoints(actor, id, body.points());
    }

    @PostMapping("/api/patrols/{id}/end")
    Patrols.Patrol end(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestBody Ending body) {
        return patrols.end(actor, id, body.notes());
    }

    @PostMapping("/api/patrols/{id}/photos")
    @ResponseStatus(HttpStatus.CREATED)
    Photo photo(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam("photo") MultipartFile file)
            throws IOException {
        return new Photo(patrols.addPhoto(actor, id, file.getBytes()));
    }

    @PostMapping("/api/patrols/{id}/findings")
    @ResponseStatus(HttpStatus.CREATED)
    Patrols.Finding finding(@AuthenticationPrincipal Actor actor, @PathVariable long id,
                            @RequestBody Patrols.NewFinding body) {
        return patrols.addFinding(actor, id, body);
    }

    /** A finding becomes a case in one action (channel 网格上报). */
    @PostMapping("/api/patrol-findings/{id}/case")
    @ResponseStatus(HttpStatus.CREATED)
    CaseService.Registration toCase(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return patrols.toCase(actor, id);
    }

    @GetMapping("/api/grids/admission")
    Admission admission() {
        return new Admission(router.admission().entries());
    }

    @PutMapping("/api/grids/admission/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    MatterAdmission.Entry setAdmission(@PathVariable String code, @RequestBody Activation body) {
        if (body.active() == null) {
            throw new ProblemException.InvalidInput("active", "admission.activeMissing");
        }
        return router.admission().setActive(code, body.active());
    }
}
