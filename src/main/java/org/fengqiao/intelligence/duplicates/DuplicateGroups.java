package org.fengqiao.intelligence.duplicates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Groups a whole list of matters the way intake would: in time order, each matter is compared with the first
 * matter of every group formed so far (the case that stays open when the others are merged into it) and joins the
 * best-scoring one at or above the minimum score, or starts a group of its own. Groups therefore do not chain
 * through weak links (A like B, B like C, A unlike C). For inspecting a data set or a backlog.
 */
public final class DuplicateGroups {

    private DuplicateGroups() {
    }

    /**
     * The groups of two or more members, largest first, each in time order (matters without a time come last).
     *
     * @param scorer  the scorer whose policy decides
     * @param matters the matters, in any order
     */
    public static List<List<Matter>> find(DuplicateScorer scorer, Collection<Matter> matters) {
        List<Matter> ordered = matters.stream()
                .sorted(Comparator.comparing(Matter::at, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<PreparedMatter> leaders = new ArrayList<>();
        List<List<Matter>> groups = new ArrayList<>();
        Duration window = scorer.policy().window();
        int firstLive = 0;
        for (Matter m : ordered) {
            PreparedMatter p = scorer.prepare(m);
            while (m.at() != null && firstLive < leaders.size() && leaders.get(firstLive).matter().at() != null
                    && Duration.between(leaders.get(firstLive).matter().at(), m.at()).compareTo(window) > 0) {
                firstLive++;
            }
            int best = -1;
            double bestScore = -1;
            for (int g = firstLive; g < leaders.size(); g++) {
                Optional<DuplicateMatch> match = scorer.score(p, leaders.get(g));
                if (match.isPresent() && match.get().score() > bestScore) {
                    bestScore = match.get().score();
                    best = g;
                }
            }
            if (best >= 0) {
                groups.get(best).add(m);
            } else {
                leaders.add(p);
                groups.add(new ArrayList<>(List.of(m)));
            }
        }
        return groups.stream().filter(g -> g.size() > 1)
                .sorted(Comparator.<List<Matter>>comparingInt(List::size).reversed()
                        .thenComparing(g -> g.getFirst().id()))
                .map(List::copyOf)
                .toList();
    }
}
