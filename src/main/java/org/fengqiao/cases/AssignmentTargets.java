package org.fengqiao.cases;

import org.fengqiao.organisation.Unit;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;

/**
 * The policy for whom a case may be handed to — assigned at registration ({@code assignTo}), assigned by a
 * dispatcher, or transferred. A unit is a fitting target when
 * <ol>
 *   <li>it is the unit the routing rules choose for the case (the rules are the county's decision), or</li>
 *   <li>it serves the case's place (its region covers the case's region) and is within the acting unit's own
 *       region — a town centre may send a village's case to any town department or to that village's
 *       committee, a village only to its own units; or</li>
 *   <li>it is a centre serving the case's place (handing a matter up to the town or county centre, which
 *       dispatches it again).</li>
 * </ol>
 * So a grid worker cannot send a case straight to a county department (the county court, say), and a village
 * committee cannot transfer to another village's committee. Referrals to a court for confirmation of an
 * agreement are a separate action with their own rule.
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
        return target.isCentre() || actorUnit != null && target.regionCode().isWithin(actorUnit.regionCode());
    }

    /** Refuses a target outside the policy, naming the field it came in. */
    static void require(String field, Unit actorUnit, DivisionCode caseRegion, Unit target, Unit routed) {
        if (!fits(actorUnit, caseRegion, target, routed)) {
            throw new ProblemException.InvalidInput(field, "case.assignTargetOutOfReach", target.name());
        }
    }
}
