package org.fengqiao.cases;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.fengqiao.platform.IdNumbers;
import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands.PartyInput;
import org.fengqiao.cases.CaseCommands.RegisterCase;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.UnitKind;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.TextHygiene;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.GridIndex;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;
import org.fengqiao.routing.Router;
import org.fengqiao.routing.RoutingDecision;
import org.fengqiao.routing.RoutingQuery;
import org.fengqiao.triage.CategorySuggestion;
import org.fengqiao.triage.TriageAdvisor;

/**
 * What registration decides before a case exists: the checked text, where the matter is (region, grid,
 * coordinates), which centre owns the procedure (首接负责), the category or triage's suggestion of one, and the
 * unit named to take it at once; and later, the court that confirms a mediation agreement made there.
 */
@Component
class CaseIntake {

    /** Where the matter is: its village (or township, county), the grid it lies in, the point if given. */
    record Place(DivisionCode region, String grid, Double latitude, Double longitude) {
    }

    /**
     * A registration checked and placed.
     *
     * @param applied  triage's suggestion became the category (confident enough, and routing allowed)
     * @param mayRoute the routing rules may pick the unit (none named, automatic dispatch not turned off)
     */
    record Intake(Place place, Category category, Optional<CategorySuggestion> suggestion, String disputeType,
                  Unit assignTo, boolean mayRoute, boolean applied, Unit owner, List<PartyInput> parties) {

        String categoryCode() {
            return category != null ? category.code() : applied ? suggestion.get().categoryCode() : null;
        }
    }

    private final Regions regions;
    private final GridIndex grids;
    private final Units units;
    private final Categories categories;
    private final Router router;
    private final TriageAdvisor triage;
    private final MessageSource messages;

    CaseIntake(Regions regions, GridIndex grids, Units units, Categories categories, Router router,
               TriageAdvisor triage, MessageSource messages) {
        this.regions = regions;
        this.grids = grids;
        this.units = units;
        this.categories = categories;
        this.router = router;
        this.triage = triage;
        this.messages = messages;
    }

    /** Checks a registration and decides its place, owner, category and unit, or refuses it (4xx). */
    Intake check(Actor actor, RegisterCase cmd) {
        if (actor.roles().equals(Set.of(Role.ADMIN))) {
            throw new ProblemException.Forbidden("case.registerForbidden");
        }
        checkText("title", cmd.title());
        checkText("description", cmd.description());
        checkText("address", cmd.address());
        checkText("sourceRef", cmd.sourceRef());
        List<PartyInput> parties = cmd.parties() == null ? List.of() : cmd.parties();
        for (int i = 0; i < parties.size(); i++) {
            PartyInput p = parties.get(i);
            checkText("parties[" + i + "].name", p.name());
            checkText("parties[" + i + "].address", p.address());
            if (IdNumbers.looksLikeResidentId(p.idNumber()) && !IdNumbers.isValidResidentId(p.idNumber())) {
                throw new ProblemException.InvalidInput("parties[" + i + "].idNumber", "party.idNumber.checksum");
            }
        }
        Place place = locate(cmd);
        Category category = cmd.categoryCode() == null || cmd.categoryCode().isBlank() ? null
                : categories.requireActive("categoryCode", cmd.categoryCode());
        Optional<CategorySuggestion> suggestion = category == null
                ? triage.suggest(cmd.title(), cmd.description()) : Optional.empty();
        String disputeType = disputeType(cmd.kind(), cmd.disputeType());
        Unit assignTo = cmd.assignTo() == null ? null : units.requireActive("assignTo", cmd.assignTo());
        boolean mayRoute = assignTo == null && !Boolean.FALSE.equals(cmd.autoDispatch());
        boolean applied = mayRoute && suggestion.filter(triage::autoApplies).isPresent();
        return new Intake(place, category, suggestion, disputeType, assignTo, mayRoute, applied,
                ownerFor(actor, place.region()), parties);
    }

    /** The dispute type by its code, which only a dispute may have; null when none is given. */
    String disputeType(CaseKind kind, String code) {
        String disputeType = code == null || code.isBlank() ? null
                : categories.requireDisputeType("disputeType", code).code();
        if (disputeType != null && kind != CaseKind.DISPUTE) {
            throw new ProblemException.InvalidInput("disputeType", "case.disputeTypeNeedsDispute");
        }
        return disputeType;
    }

    /** The suggestion as stored beside the case, with the unit the routing rules give for its category. */
    CaseRepository.StoredSuggestion stored(CategorySuggestion s, Case c, boolean applied) {
        Optional<RoutingDecision> unit = router.route(new RoutingQuery(c.kind().name(), s.categoryCode(),
                c.disputeType(), c.region())).filter(d -> !d.isFallback());
        return new CaseRepository.StoredSuggestion(s.categoryCode(), s.confidence(), s.top(),
                unit.map(d -> d.unit().id()).orElse(null), unit.map(RoutingDecision::ruleCode).orElse(null), applied,
                triage.threshold(), s.modelId());
    }

    /** Said after the routing reason when triage's suggestion chose the category the case was routed by. */
    String appliedNote(CategorySuggestion s) {
        return messages.getMessage("routing.reason.suggestionApplied", new Object[] {s.categoryPath(),
                String.format(Locale.ROOT, "%.0f", s.confidence() * 100)}, Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * Finds the matter's region and grid from the region or grid code and/or the coordinates. When both are
     * given they must agree.
     */
    private Place locate(RegisterCase cmd) {
        if ((cmd.latitude() == null) != (cmd.longitude() == null)) {
            throw new ProblemException.InvalidInput("latitude", "case.coordinatesIncomplete");
        }
        Region given = cmd.regionCode() == null || cmd.regionCode().isBlank() ? null
                : regions.require("regionCode", cmd.regionCode());
        if (given != null && given.level().isAbove(RegionLevel.COUNTY)) {
            throw new ProblemException.InvalidInput("regionCode", "case.regionTooCoarse", given.name());
        }
        String grid = given != null && given.level() == RegionLevel.GRID ? given.code().value() : null;
        if (cmd.latitude() != null) {
            Optional<Region> located = grids.locate(cmd.longitude(), cmd.latitude());
            if (located.isPresent()) {
                Region g = located.get();
                if (given != null && !g.code().isWithin(given.code()) && !given.code().isWithin(g.code())) {
                    throw new ProblemException.InvalidInput("regionCode", "case.regionDisagreesWithPoint",
                            regions.pathName(g.code()), given.name());
                }
                grid = grid == null ? g.code().value() : grid;
            }
        }
        if (given == null && grid == null) {
            throw new ProblemException.InvalidInput("regionCode", "case.regionRequired");
        }
        DivisionCode region = grid != null ? DivisionCode.of(grid).parent() : given.code();
        return new Place(region, grid, cmd.latitude(), cmd.longitude());
    }

    /**
     * The centre responsible for the procedure: the registering centre when the matter lies in its region
     * (首接负责), otherwise the centre of the matter's region.
     */
    private Unit ownerFor(Actor actor, DivisionCode region) {
        if (actor.unit().isCentre() && actor.jurisdiction().coversRegion(region.value())) {
            return actor.unit();
        }
        return units.centreFor(region).orElseThrow(() ->
                new ProblemException.InvalidInput("regionCode", "case.noCentre", regions.pathName(region)));
    }

    /** The court nearest the region (its own level first, then upwards), for judicial confirmation. */
    Optional<Unit> courtFor(DivisionCode region) {
        for (DivisionCode code : region.lineage().reversed()) {
            if (code.level() == RegionLevel.GRID) {
                continue;
            }
            Optional<Unit> court = units.ofKindIn(UnitKind.COURT, code).stream().findFirst();
            if (court.isPresent()) {
                return court;
            }
        }
        return Optional.empty();
    }

    /** Refuses text with control or other invisible characters, naming the field. */
    /** The agreement's texts are clean and it is not to be carried out before it is signed. */
    static void checkAgreement(CaseCommands.Agreement cmd) {
        checkText("terms", cmd.terms());
        checkText("responsibilities", cmd.responsibilities());
        checkText("performance", cmd.performance());
        if (cmd.performBy() != null && cmd.signedOn() != null && cmd.performBy().isBefore(cmd.signedOn())) {
            throw new ProblemException.InvalidInput("performBy", "case.performByBeforeSigning");
        }
    }

    static void checkText(String field, String value) {
        if (value != null && !TextHygiene.isClean(value)) {
            throw new ProblemException.InvalidInput(field, "text.invalidCharacters");
        }
    }
}
