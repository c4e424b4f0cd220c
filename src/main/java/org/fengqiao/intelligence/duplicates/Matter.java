package org.fengqiao.intelligence.duplicates;

import java.time.Instant;
import java.util.Set;

/**
 * What the duplicate scorer knows of a case or an incoming request: its words, when it arrived, where it is
 * and who is involved. Everything but {@code id} may be missing; a missing fact contributes nothing.
 *
 * @param id        the case's identifier (echoed in {@link DuplicateMatch#candidateId()})
 * @param title     the short title, raw prose; may be null or blank
 * @param text      the body, raw prose; may be null or blank
 * @param at        when the matter was reported; null when unknown (then no time window applies)
 * @param village   region code of the village or community, or null
 * @param grid      code of the grid inside the village, or null
 * @param latitude  WGS-84 latitude, or null
 * @param longitude WGS-84 longitude, or null
 * @param partyKeys normalised phone numbers and ID numbers of the parties; may be empty, never null
 */
public record Matter(String id, String title, String text, Instant at, String village, String grid,
                     Double latitude, Double longitude, Set<String> partyKeys) {

    /** Requires an id and copies the party keys ({@code null} becomes empty). */
    public Matter {
        if (id == null) {
            throw new IllegalArgumentException("a matter needs an id");
        }
        partyKeys = partyKeys == null ? Set.of() : Set.copyOf(partyKeys);
    }

    /** A matter known only by its words and time, as on a public message board. */
    public static Matter ofText(String id, String title, String text, Instant at) {
        return new Matter(id, title, text, at, null, null, null, null, Set.of());
    }

    /** Whether both coordinates are present. */
    public boolean located() {
        return latitude != null && longitude != null;
    }
}
