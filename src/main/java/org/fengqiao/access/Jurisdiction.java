package org.fengqiao.access;

/**
 * What cases a user may reach. A governance centre reaches every case in its region's subtree; every unit
 * reaches the cases it has been involved with (registered, handled, handled jointly). Case queries apply this
 * in SQL, so a case outside it is indistinguishable from one that does not exist.
 *
 * @param regionPrefix the significant digits of the centre's region, or {@code null} for a non-centre unit
 * @param unitId       the user's unit
 */
public record Jurisdiction(String regionPrefix, long unitId) {

    public boolean coversRegion(String regionCode) {
        return regionPrefix != null && regionCode != null && regionCode.startsWith(regionPrefix);
    }
}
