package org.fengqiao.routing;

import org.fengqiao.regions.DivisionCode;

/**
 * The facts routing looks at.
 *
 * @param region the finest administrative region of the matter (village, or township/county if unknown)
 */
public record RoutingQuery(String kind, String categoryCode, String disputeType, DivisionCode region) {
}
