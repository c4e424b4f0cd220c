package org.fengqiao.mediators;

import java.util.List;

/**
 * A mediator in the directory.
 *
 * @param specialties dispute-type codes ({@code categories}) the mediator takes
 * @param regionCode  where the mediator works: a village, a township or the county
 * @param languages   languages or dialects spoken (普通话, 诸暨话, …)
 */
public record Mediator(long id, String name, long unitId, String unitName, Long staffUserId, Kind kind,
                       String regionCode, String regionName, List<String> specialties, List<String> languages,
                       boolean available, String note) {

    /** What kind of mediator: 人民调解员, a professional committee's mediator, a lawyer, a respected local (乡贤). */
    public enum Kind { PEOPLES_MEDIATOR, PROFESSIONAL, LAWYER, RESPECTED_LOCAL }
}
