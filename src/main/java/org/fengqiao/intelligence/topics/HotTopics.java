package org.fengqiao.intelligence.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fengqiao.intelligence.text.ChineseSegmenter;
import org.fengqiao.intelligence.text.TextNormalizer;

/**
 * Finds the hot topics (热点) of an agenda: requests of the current and the previous period are grouped by what
 * they say and where, each group with enough requests becomes a topic named by its key terms, and the topics
 * with requests in the current period are ranked.
 *
 * <p>The method (docs/HOT-TOPICS.md gives the evidence for each choice):
 * <ol>
 * <li>each request becomes a TF-IDF vector of its {@link TopicTerms terms}, title words counted
 * {@link TopicOptions#titleWeight()} times; the request's own area name is removed from its text first — where
 * a matter is, is the area's business, not the name's;</li>
 * <li>requests sharing terms are compared by cosine similarity, only within one area (a request of unknown area
 * may join any);</li>
 * <li>{@link AverageLinkClustering average-link clustering} merges groups while their mean similarity reaches
 * {@link TopicOptions#mergeSimilarity()};</li>
 * <li>groups of at least {@link TopicOptions#minItems()} requests with at least one in the current period are
 * topics; each is {@link TopicNamer named} and scored by size, growth, votes and recency
 * ({@link TopicOptions.RankingWeights}).</li>
 * </ol>
 * The result depends only on the items (not their order) and the options. Thread-safe; reuse one instance, the
 * segmenter's dictionary is loaded once.
 */
public final class HotTopics {

    /** Pairs less similar than this are left out of the graph (treated as 0 by the clustering). */
    static final double MIN_EDGE = 0.05;

    private final TopicOptions options;
    private final TopicTerms terms;

    public HotTopics() {
        this(TopicOptions.defaults());
    }

    public HotTopics(TopicOptions options) {
        this.options = options;
        this.terms = new TopicTerms(new ChineseSegmenter());
    }

    public TopicOptions options() {
        return options;
    }

    /**
     * The hot topics of the agenda whose current period ends (exclusively) at {@code end}. Items outside the
     * window are ignored.
     *
     * @throws IllegalArgumentException when two items share an id
     */
    public HotTopicReport find(Collection<TopicItem> items, AgendaPeriod period, Instant end) {
        return find(items, period.endingAt(end));
    }

    /**
     * The hot topics of any window — for example one spanning a whole year of data, to see its lasting topics.
     * Items outside the window are ignored.
     *
     * @throws IllegalArgumentException when two items share an id
     */
    public HotTopicReport find(Collection<TopicItem> items, TopicWindow window) {
        List<TopicItem> in = inWindow(items, window);
        List<String> titleTexts = new ArrayList<>(in.size());
        List<List<String>> titles = new ArrayList<>(in.size());
        List<List<String>> bodies = new ArrayList<>(in.size());
        Map<String, Integer> areas = new LinkedHashMap<>();
        int[] groups = new int[in.size()];
        for (int i = 0; i < in.size(); i++) {
            TopicItem item = in.get(i);
            titleTexts.add(TextNormalizer.normalize(withoutArea(item.title(), item.area())));
            titles.add(terms.of(withoutArea(item.title(), item.area())));
            bodies.add(terms.of(withoutArea(item.text(), item.area())));
            groups[i] = item.area() == null ? AverageLinkClustering.ANY_GROUP
                    : areas.computeIfAbsent(item.area(), a -> areas.size());
        }
        TermVectors vectors = TermVectors.of(titles, bodies, options.titleWeight(), options.minIdfDocuments());
        SimilarityGraph graph = vectors.graph(MIN_EDGE, (a, b) -> groups[a] == AverageLinkClustering.ANY_GROUP
                || groups[b] == AverageLinkClustering.ANY_GROUP || groups[a] == groups[b]);
        int[] cluster = AverageLinkClustering.clusters(graph, groups, options.mergeSimilarity());

        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < in.size(); i++) {
            members.computeIfAbsent(cluster[i], c -> new ArrayList<>()).add(i);
        }
        TopicNamer namer = new TopicNamer(titleTexts, titles, bodies, vectors);
        List<HotTopic> topics = new ArrayList<>();
        for (List<Integer> group : members.values()) {
            if (group.size() >= options.minItems()
                    && group.stream().anyMatch(i -> window.isCurrent(in.get(i).time()))) {
                topics.add(topic(group, in, vectors, namer, window));
            }
        }
        topics.sort(Comparator.comparingDouble((HotTopic t) -> t.score().total()).reversed()
                .thenComparing(Comparator.comparingInt(HotTopic::size).reversed())
                .thenComparing(HotTopic::last, Comparator.reverseOrder())
                .thenComparing(HotTopic::name));
        List<HotTopic> ranked = new ArrayList<>(topics.size());
        for (int r = 0; r < topics.size(); r++) {
            HotTopic t = topics.get(r);
            ranked.add(new HotTopic(r + 1, t.name(), t.terms(), t.area(), t.size(), t.previous(), t.votes(), t.first(),
                    t.last(), t.ids(), t.earlierIds(), t.typicalIds(), t.score()));
        }
        int current = (int) in.stream().filter(i -> window.isCurrent(i.time())).count();
        return new HotTopicReport(window, in.size(), current, ranked);
    }

    /** The items in the window, ordered by time and id so that the input order cannot change the result. */
    private static List<TopicItem> inWindow(Collection<TopicItem> items, TopicWindow window) {
        Set<String> ids = new HashSet<>();
        List<TopicItem> in = new ArrayList<>();
        for (TopicItem item : items) {
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("duplicate item id " + item.id());
            }
            if (window.contains(item.time())) {
                in.add(item);
            }
        }
        in.sort(Comparator.comparing(TopicItem::time).thenComparing(TopicItem::id));
        return in;
    }

    private static String withoutArea(String text, String area) {
        return area == null ? text : text.replace(area, " ");
    }

    private HotTopic topic(List<Integer> group, List<TopicItem> in, TermVectors vectors, TopicNamer namer,
                           TopicWindow window) {
        List<TopicItem> current = new ArrayList<>();
        List<TopicItem> earlier = new ArrayList<>();
        String area = null;
        for (int i : group) {
            TopicItem item = in.get(i);
            (window.isCurrent(item.time()) ? current : earlier).add(item);
            area = area == null ? item.area() : area;
        }
        Comparator<TopicItem> newestFirst = Comparator.comparing(TopicItem::time).reversed()
                .thenComparing(TopicItem::id);
        current.sort(newestFirst);
        earlier.sort(newestFirst);
        long votes = current.stream().mapToLong(TopicItem::votes).sum();
        Instant first = in.get(group.getFirst()).time();
        Instant last = in.get(group.getLast()).time();
        List<String> keyTerms = namer.keyTerms(group, options.nameTerms());
        return new HotTopic(0, TopicNamer.name(keyTerms), keyTerms, area, current.size(), earlier.size(), votes,
                first, last, current.stream().map(TopicItem::id).toList(), earlier.stream().map(TopicItem::id).toList(),
                typical(group, in, vectors), score(current.size(), earlier.size(), votes, last, window));
    }

    /** The members closest to the group's centroid, one per distinct title. */
    private List<String> typical(List<Integer> group, List<TopicItem> in, TermVectors vectors) {
        Map<Integer, Double> centroid = new HashMap<>();
        for (int i : group) {
            TermVectors.Vector v = vectors.vector(i);
            for (int k = 0; k < v.terms().length; k++) {
                centroid.merge(v.terms()[k], v.weights()[k], Double::sum);
            }
        }
        Map<Integer, Double> closeness = new HashMap<>();
        for (int i : group) {
            TermVectors.Vector v = vectors.vector(i);
            double dot = 0;
            for (int k = 0; k < v.terms().length; k++) {
                dot += v.weights()[k] * centroid.get(v.terms()[k]);
            }
            closeness.put(i, dot);
        }
        List<Integer> byCloseness = new ArrayList<>(group);
        byCloseness.sort(Comparator.comparingDouble((Integer i) -> closeness.get(i)).reversed()
                .thenComparing(i -> in.get(i).id()));
        List<String> typical = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (int i : byCloseness) {
            if (typical.size() < options.typical() && titles.add(in.get(i).title().strip())) {
                typical.add(in.get(i).id());
            }
        }
        return typical;
    }

    HotTopic.Score score(int size, int previous, long votes, Instant last, TopicWindow window) {
        TopicOptions.RankingWeights w = options.weights();
        Duration halfLife = window.periodLength().dividedBy(2);
        double age = Math.max(0, Duration.between(last, window.end()).toMillis()) / (double) halfLife.toMillis();
        double sizePart = w.size() * Math.log1p(size);
        double growthPart = w.growth() * Math.log((1.0 + size) / (1.0 + previous));
        double votesPart = w.votes() * Math.log1p(votes);
        double recencyPart = w.recency() * Math.pow(2, -age);
        return new HotTopic.Score(sizePart + growthPart + votesPart + recencyPart, sizePart, growthPart, votesPart,
                recencyPart);
    }
}
