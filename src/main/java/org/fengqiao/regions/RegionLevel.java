package org.fengqiao.regions;

/**
 * Levels of the administrative hierarchy. A division code's first {@link #digits()} digits identify the
 * region; every region below it shares that prefix, which is how jurisdiction subtrees are queried.
 */
public enum RegionLevel {
    PROVINCE(2), CITY(4), COUNTY(6), TOWNSHIP(9), VILLAGE(12), GRID(15);

    private final int digits;

    RegionLevel(int digits) {
        this.digits = digits;
    }

    public int digits() {
        return digits;
    }

    public boolean isAbove(RegionLevel other) {
        return ordinal() < other.ordinal();
    }

    /** The level above, or {@code null} for a province. */
    public RegionLevel parent() {
        return this == PROVINCE ? null : values()[ordinal() - 1];
    }
}
