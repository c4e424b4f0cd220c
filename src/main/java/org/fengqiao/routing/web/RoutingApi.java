package org.fengqiao.routing.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.organisation.UnitKind;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.routing.Router;
import org.fengqiao.routing.RoutingDecision;
import org.fengqiao.routing.RoutingQuery;
import org.fengqiao.routing.RoutingRule;

/**
 * Routing rules and a preview of what they decide.
 */
@RestController
@RequestMapping("/api")
class RoutingApi {

    record NewRule(@NotBlank @Pattern(regexp = "[A-Z0-9_-]{2,60}") String code, @NotBlank @Size(max = 100) String name,
                   @Size(max = 40) String kind, @Size(max = 7) String categoryPrefix, @Size(max = 40) String disputeType,
                   @Pattern(regexp = "[0-9]{2,12}") String regionPrefix, @NotNull RegionLevel level,
                   @NotNull UnitKind unitKind, Integer priority) {
    }

    record Active(@NotNull Boolean active) {
    }

    record Preview(long unitId, String unitName, String ruleCode, String explanation, List<String> considered) {
    }

    private final Router router;

    RoutingApi(Router router) {
        this.router = router;
    }

    @GetMapping("/routing-rules")
    List<RoutingRule> rules() {
        return router.rules();
    }

    @PostMapping("/routing-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    RoutingRule create(@Valid @RequestBody NewRule body) {
        return router.create(new RoutingRule(0, body.code(), body.name(), blank(body.kind()), blank(body.categoryPrefix()),
                blank(body.disputeType()), blank(body.regionPrefix()), body.level(), body.unitKind(),
                body.priority() == null ? 100 : body.priority(), true));
    }

    @PutMapping("/routing-rules/{code}/active")
    @PreAuthorize("hasRole('ADMIN')")
    RoutingRule setActive(@PathVariable String code, @Valid @RequestBody Active body) {
        return router.setActive(code, body.active());
    }

    @GetMapping("/routing/preview")
    Preview preview(@RequestParam(required = false) String kind, @RequestParam(required = false) String category,
                    @RequestParam(required = false) String disputeType, @RequestParam String region) {
        if (!DivisionCode.isValid(region)) {
            throw new ProblemException.InvalidInput("region", "region.code.invalid");
        }
        RoutingDecision d = router.route(new RoutingQuery(blank(kind), blank(category), blank(disputeType),
                        DivisionCode.of(region)))
                .orElseThrow(() -> new ProblemException.NotFound("routing.noUnit"));
        return new Preview(d.unit().id(), d.unit().name(), d.ruleCode(), d.explanation(), d.considered());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
