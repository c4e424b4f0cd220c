package org.fengqiao.intelligence.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names a topic by its key terms: the words its requests share that the other requests of the window rarely
 * use. A term's score is its support in the topic — the share of the topic's requests that contain it, a
 * request counting fully when the term is in its title and half when it is only in the body — times its IDF
 * over the whole window. Only terms at least two requests share qualify (when any do). A term that contains, or
 * is contained in, a better one is skipped, so 伊景园 and 景园 do not both appear. The chosen terms are shown in
 * the order they tend to take in the titles, so the name reads like a short headline:
 * {@code 伊景园·滨河苑·捆绑·车位}. Neighbouring terms the titles write as one run are joined back into one
 * ({@code 丽发·新城} → {@code 丽发新城}).
 */
final class TopicNamer {

    static final String SEPARATOR = "·";

    private final List<String> titleTexts;
    private final List<List<String>> titles;
    private final List<List<String>> bodies;
    private final TermVectors vectors;
    private final Map<String, Integer> ids = new HashMap<>();

    /**
     * @param titleTexts the titles as {@link org.fengqiao.intelligence.text.TextNormalizer normalised} text
     * @param titles     their terms
     * @param bodies     the bodies' terms
     */
    TopicNamer(List<String> titleTexts, List<List<String>> titles, List<List<String>> bodies, TermVectors vectors) {
        this.titleTexts = titleTexts;
        this.titles = titles;
        this.bodies = bodies;
        this.vectors = vectors;
        for (int t = 0; t < vectors.terms(); t++) {
            ids.put(vectors.term(t), t);
        }
    }

    /** The key terms of the documents (by index), best first by score but in headline order, at most {@code max}. */
    List<String> keyTerms(List<Integer> members, int max) {
        Map<String, Double> support = new HashMap<>();
        Map<String, Integer> sharedBy = new HashMap<>();
        Map<String, Double> position = new HashMap<>();
        Map<String, Integer> inTitles = new HashMap<>();
        for (int m : members) {
            Set<String> title = new HashSet<>(titles.get(m));
            Set<String> seen = new HashSet<>();
            for (String t : titles.get(m)) {
                if (seen.add(t)) {
                    support.merge(t, 1.0, Double::sum);
                    sharedBy.merge(t, 1, Integer::sum);
                    position.merge(t, relativePosition(titles.get(m), t), Double::sum);
                    inTitles.merge(t, 1, Integer::sum);
                }
            }
            for (String t : bodies.get(m)) {
                if (!title.contains(t) && seen.add(t)) {
                    support.merge(t, 0.5, Double::sum);
                    sharedBy.merge(t, 1, Integer::sum);
                }
            }
        }
        boolean anyShared = sharedBy.values().stream().anyMatch(n -> n >= 2);
        List<Scored> scored = new ArrayList<>();
        support.forEach((term, s) -> {
            if (!anyShared || sharedBy.get(term) >= 2) {
                scored.add(new Scored(term, s / members.size() * vectors.idf(ids.get(term))));
            }
        });
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::term));
        List<String> chosen = new ArrayList<>();
        for (Scored s : scored) {
            if (chosen.size() == max) {
                break;
            }
            if (chosen.stream().noneMatch(c -> c.contains(s.term()) || s.term().contains(c))) {
                chosen.add(s.term());
            }
        }
        // headline order: terms from titles by their mean place in them, then body-only terms by score
        List<String> ordered = new ArrayList<>(chosen);
        ordered.sort(Comparator.comparingDouble((String t) -> inTitles.containsKey(t)
                ? position.get(t) / inTitles.get(t) : 2.0 + chosen.indexOf(t)));
        return joinedWhereAdjacent(ordered, members);
    }

    /**
     * Neighbouring key terms that the titles write as one run become one term: the segmenter splits a name it
     * does not know, 丽发新城 into 丽发 / 新城, and the name should read as the titles do.
     */
    private List<String> joinedWhereAdjacent(List<String> ordered, List<Integer> members) {
        List<String> joined = new ArrayList<>();
        String previous = null;
        for (String term : ordered) {
            if (previous != null && adjacentInMostTitles(previous, term, members)) {
                joined.set(joined.size() - 1, joined.getLast() + term);
            } else {
                joined.add(term);
            }
            previous = term;
        }
        return joined;
    }

    /** Whether at least two titles, and two thirds of those holding both, write {@code a} directly before {@code b}. */
    private boolean adjacentInMostTitles(String a, String b, List<Integer> members) {
        int both = 0;
        int adjacent = 0;
        for (int m : members) {
            String title = titleTexts.get(m);
            if (title.contains(a) && title.contains(b)) {
                both++;
                if (title.contains(a + b)) {
                    adjacent++;
                }
            }
        }
        return adjacent >= 2 && adjacent * 3 >= both * 2;
    }

    static String name(List<String> keyTerms) {
        return String.join(SEPARATOR, keyTerms);
    }

    private static double relativePosition(List<String> words, String term) {
        return words.size() <= 1 ? 0 : (double) words.indexOf(term) / (words.size() - 1);
    }

    private record Scored(String term, double score) {
    }
}
