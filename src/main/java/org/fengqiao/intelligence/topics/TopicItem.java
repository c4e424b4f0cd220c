package org.fengqiao.intelligence.topics;

import java.time.Instant;
import java.util.Objects;

/**
 * One request as hot-topic detection sees it: what it says, when and where — nothing about who wrote it.
 *
 * @param id    unique among the items of one run
 * @param title the request's title ({@code null} reads as empty)
 * @param text  its body ({@code null} reads as empty)
 * @param time  when it was registered or posted
 * @param area  a region code or area name, or {@code null} when unknown; items of different known areas never
 *              form one topic, an item of unknown area may join a topic of any area
 * @param votes public support (likes), 0 when there is none
 */
public record TopicItem(String id, String title, String text, Instant time, String area, int votes) {

    public TopicItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        area = area == null || area.isBlank() ? null : area.strip();
        if (votes < 0) {
            throw new IllegalArgumentException("votes must not be negative: " + votes);
        }
    }
}
