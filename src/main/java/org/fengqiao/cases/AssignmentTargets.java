package org.fengqiao.cases;

import org.fengqiao.organisation.Unit;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.routing.Router;
import org.fengqiao.routing.RoutingQuery;

/**
 * The policy for whom a case may be handed to — assigned at registration ({@code assignTo}), assigned by a
 * dispatcher, or transferred. A unit is a fitting target when
 * <ol>
 *   <li>it is the unit the routing rules choose for the case (the rules are the county's decision), or</li>
 *   <li>it serves the case's place (its region covers the case's region) and belongs to the acting unit's own
 *       region or the one directly above — a town centre may send a village's case to any town department, to
 *       that village's committee or to a county department; a village to its own units and the town's; or</li>
 *   <li>it is a centre serving the case's place (handing a matter up to the town or county centre, which
 *       dispatches it again).</li>
 * </ol>
 * So a grid worker cannot send a case straight to a county department (the county court, say: that goes up
 * through the town), and no one can send a village's case to another village's committee. Referrals to a court
 * for confirmation of an agreement are a separate action with their own rule.
 */
final class AssignmentTargets {

    private AssignmentTargets() {
    }

    static boolean fits(Unit actorUnit, DivisionCode caseRegion, Unit target, Unit routed) {
        if (routed != null && routed.id() == target.id()) {
            return true;
        }
        if (!caseRegion.isWithin(target.regionCode())) {
            return false;
        }
        if (target.isCentre() || actorUnit == null) {
            return target.isCentre();
        }
        DivisionCode above = actorUnit.regionCode().parent();
        return target.regionCode().isWithin(above == null ? actorUnit.regionCode() : above);
    }

    /**
     * Refuses a target outside the policy, or a village-level target for a matter not on the admission list
     * (网格事项准入), naming the field it came in.
     */
    static void require(String field, Unit actorUnit, Case c, Router router, Unit target, Unit routed) {
        if (!fits(actorUnit, c.region(), target, routed)) {
            throw new ProblemException.InvalidInput(field, "case.assignTargetOutOfReach", target.name());
        }
        router.admission().require(field, target, new RoutingQuery(c.kind().name(), c.categoryCode(), c.disputeType(),
                c.region()));
    }
}
