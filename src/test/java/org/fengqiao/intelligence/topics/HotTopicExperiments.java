package org.fengqiao.intelligence.topics;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The experiments behind docs/HOT-TOPICS.md (a tool, not a test): how the known repeated subjects of the
 * message-board data end up for different thresholds and title weights, and how long a run takes.
 * Usage: {@code HotTopicExperiments [FILE]} (default ../shared/data/messages-unlabeled.tsv).
 *
 * <p>"Known subjects" are title keywords that mark one matter each (an estate's parking sales, a concrete
 * plant's noise, a P2P lending case...). For each, over every monthly window of the year: recall = the share
 * of the messages with the keyword in the title that land in the keyword's biggest topic; purity = the share
 * of that topic's messages that mention the keyword anywhere.
 */
public final class HotTopicExperiments {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final List<String> KNOWN = List.of("伊景园", "丽发新城", "58车贷", "魅力之城", "经济学院", "五矿万境");

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/messages-unlabeled.tsv");
        MessageBoardFile.Result data = MessageBoardFile.read(file, CHINA);
        System.out.printf("%d items, %d skipped%n", data.items().size(), data.problems().size());
        Map<String, TopicItem> byId = data.items().stream().collect(Collectors.toMap(TopicItem::id, Function.identity()));
        if (args.length > 1 && args[1].equals("trace")) {
            HotTopics topics = new HotTopics(TopicOptions.defaults().withMergeSimilarity(Double.parseDouble(args[4])));
            HotTopicReport r = topics.find(data.items(), AgendaPeriod.parse(args[2]),
                    LocalDate.parse(args[3]).plusDays(1).atStartOfDay(CHINA).toInstant());
            for (String k : KNOWN) {
                System.out.println("== " + k);
                for (HotTopic t : r.topics()) {
                    long hits = all(t).stream().filter(id -> byId.get(id).title().contains(k)).count();
                    if (hits > 0) {
                        System.out.printf("  #%d %s [%s] %d of %d: %s%n", t.rank(), t.name(), t.area(), hits,
                                all(t).size(), all(t).stream().limit(6).map(id -> byId.get(id).title()).toList());
                    }
                }
            }
            return;
        }
        if (args.length > 1 && args[1].equals("show")) {
            show(data, AgendaPeriod.parse(args[2]), LocalDate.parse(args[3]), Integer.parseInt(args[4]));
            return;
        }
        List<Instant> monthEnds = new ArrayList<>();
        for (int m = 2; m <= 12; m++) {
            monthEnds.add(LocalDate.of(2019, m, 1).plusMonths(1).atStartOfDay(CHINA).toInstant());
        }
        for (double titleWeight : weights()) {
            for (double threshold : thresholds()) {
                HotTopics topics = new HotTopics(TopicOptions.defaults().withMergeSimilarity(threshold)
                        .withTitleWeight(titleWeight));
                double recall = 0;
                double purity = 0;
                int cases = 0;
                int clusters = 0;
                int clustered = 0;
                long ms = 0;
                for (Instant end : monthEnds) {
                    long t0 = System.nanoTime();
                    HotTopicReport r = topics.find(data.items(), AgendaPeriod.MONTH, end);
                    ms += (System.nanoTime() - t0) / 1_000_000;
                    clusters += r.topics().size();
                    clustered += r.topics().stream().mapToInt(t -> t.size() + t.previous()).sum();
                    for (String k : KNOWN) {
                        long withKey = r.topics().isEmpty() ? 0 : data.items().stream()
                                .filter(i -> r.window().contains(i.time()) && i.title().contains(k)).count();
                        if (withKey < 3) {
                            continue;
                        }
                        HotTopic best = null;
                        long bestHits = 0;
                        for (HotTopic t : r.topics()) {
                            long hits = all(t).stream().filter(id -> byId.get(id).title().contains(k)).count();
                            if (hits > bestHits) {
                                best = t;
                                bestHits = hits;
                            }
                        }
                        cases++;
                        recall += (double) bestHits / withKey;
                        if (best != null) {
                            purity += all(best).stream().filter(id -> (byId.get(id).title() + byId.get(id).text())
                                    .contains(k)).count() / (double) all(best).size();
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "titleWeight %.0f threshold %.2f: recall %.2f purity %.2f over %d cases;"
                                + " %.1f topics/month holding %.0f items; %d ms/month%n", titleWeight, threshold,
                        recall / cases, purity / cases, cases, clusters / 11.0, clustered / 11.0, ms / 11);
            }
        }
    }

    static double[] weights() {
        return java.util.Arrays.stream(System.getProperty("weights", "1,2,3").split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    static double[] thresholds() {
        return java.util.Arrays.stream(System.getProperty("thresholds", "0.15,0.2,0.25,0.3,0.35").split(","))
                .mapToDouble(Double::parseDouble).toArray();
    }

    static List<String> all(HotTopic t) {
        List<String> ids = new ArrayList<>(t.ids());
        ids.addAll(t.earlierIds());
        return ids;
    }

    /** Prints the top topics of one agenda with two typical titles each. */
    static void show(MessageBoardFile.Result data, AgendaPeriod period, LocalDate until, int top) {
        Map<String, TopicItem> byId = new HashMap<>();
        data.items().forEach(i -> byId.put(i.id(), i));
        HotTopicReport r = new HotTopics(TopicOptions.defaults().withMergeSimilarity(Double.parseDouble(System.getProperty("t", String.valueOf(TopicOptions.defaults().mergeSimilarity()))))).find(data.items(), period, until.plusDays(1).atStartOfDay(CHINA).toInstant());
        for (HotTopic t : r.top(top)) {
            System.out.printf(Locale.ROOT, "%2d %-28s %-5s n=%d prev=%d votes=%d score=%.2f | %s%n", t.rank(), t.name(),
                    t.area(), t.size(), t.previous(), t.votes(), t.score().total(),
                    t.typicalIds().stream().limit(2).map(id -> byId.get(id).title()).collect(Collectors.joining(" / ")));
        }
    }
}
