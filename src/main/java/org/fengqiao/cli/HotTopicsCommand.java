package org.fengqiao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fengqiao.intelligence.topics.AgendaPeriod;
import org.fengqiao.intelligence.topics.HotTopic;
import org.fengqiao.intelligence.topics.HotTopicReport;
import org.fengqiao.intelligence.topics.HotTopics;
import org.fengqiao.intelligence.topics.MessageBoardFile;
import org.fengqiao.intelligence.topics.TopicItem;
import org.fengqiao.intelligence.topics.TopicWindow;

/**
 * {@code ./fengqiao hot-topics}: the hot topics of a message file for one review agenda, without starting the
 * platform. Times in the file are read as China time; {@code --until} is the last day the agenda covers
 * (default: the day of the file's latest message, so an old file still shows its own latest topics).
 */
final class HotTopicsCommand {

    static final String USAGE = """
            usage: ./fengqiao hot-topics --data FILE [--period day|week|month] [--top N] [--until DATE]
              FILE   UTF-8 TSV with a header naming id, title, time, detail and optionally likes
              period the agenda: day (村每日一碰头), week (乡每周一会商, default) or month (县每月一研判)
              top    how many topics to show (default 10)
              until  the last day covered, yyyy-mm-dd (default: the day of the latest message)
            """;

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Set<String> KNOWN = Set.of("--data", "--period", "--top", "--until");

    private HotTopicsCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> o = CommandOptions.parse(args, KNOWN);
        List<String> unknown = o.keySet().stream().filter(k -> !KNOWN.contains(k)).toList();
        if (!unknown.isEmpty() || o.getOrDefault("--data", "").isBlank()) {
            err.print((unknown.isEmpty() ? "" : "unknown option " + unknown.getFirst() + "\n") + USAGE);
            return 2;
        }
        Path file = Path.of(o.get("--data"));
        if (!Files.isRegularFile(file)) {
            err.println("no such file: " + file);
            return 2;
        }
        AgendaPeriod period;
        int top;
        try {
            period = AgendaPeriod.parse(o.getOrDefault("--period", "week"));
            top = Integer.parseInt(o.getOrDefault("--top", "10").strip());
            if (top < 1) {
                throw new NumberFormatException();
            }
        } catch (IllegalArgumentException e) {
            err.println(e instanceof NumberFormatException ? "--top must be a positive whole number" : e.getMessage());
            return 2;
        }
        MessageBoardFile.Result data;
        try {
            data = MessageBoardFile.read(file, CHINA);
        } catch (IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        }
        data.problems().forEach(p -> err.println("skipped " + file + " " + p));
        if (data.items().isEmpty()) {
            err.println("no messages in " + file);
            return 1;
        }
        LocalDate until;
        try {
            until = o.containsKey("--until") ? LocalDate.parse(o.get("--until").strip())
                    : data.items().stream().map(TopicItem::time).max(Comparator.naturalOrder()).orElseThrow()
                    .atZone(CHINA).toLocalDate();
        } catch (DateTimeParseException e) {
            err.println("--until must be a date like 2019-12-31, not '" + o.get("--until") + "'");
            return 2;
        }

        HotTopics hotTopics = new HotTopics(); // loads the segmenter's dictionary: not part of the clustering time
        long start = System.nanoTime();
        HotTopicReport report = hotTopics.find(data.items(), period, until.plusDays(1).atStartOfDay(CHINA).toInstant());
        double seconds = (System.nanoTime() - start) / 1e9;
        print(report, period, data, seconds, top, out);
        return 0;
    }

    private static void print(HotTopicReport report, AgendaPeriod period, MessageBoardFile.Result data, double seconds,
                              int top, PrintStream out) {
        Map<String, TopicItem> byId = new HashMap<>();
        data.items().forEach(i -> byId.put(i.id(), i));
        TopicWindow w = report.window();
        out.printf(Locale.ROOT, "hot topics, %s agenda: %s to %s, compared with %s to %s%n", period.name().toLowerCase(Locale.ROOT),
                day(w.currentStart()), day(w.end().minusSeconds(1)), day(w.previousStart()), day(w.currentStart().minusSeconds(1)));
        out.printf(Locale.ROOT, "%d messages read; %d in the window, %d in the current period; %d topics (showing %d); clustered in %.2f s%n",
                data.items().size(), report.items(), report.current(), report.topics().size(),
                Math.min(top, report.topics().size()), seconds);
        for (HotTopic t : report.top(top)) {
            HotTopic.Score s = t.score();
            out.printf(Locale.ROOT, "%n%2d. %s  [%s]  %d requests (%d in the period before, %+d), %d votes, latest %s%n",
                    t.rank(), t.name(), t.area() == null ? "area unknown" : t.area(), t.size(), t.previous(), t.growth(),
                    t.votes(), day(t.last()));
            out.printf(Locale.ROOT, "    score %.2f = size %.2f + growth %.2f + votes %.2f + recency %.2f%n",
                    s.total(), s.size(), s.growth(), s.votes(), s.recency());
            for (String id : t.typicalIds()) {
                out.printf("    %s %s%n", id, byId.get(id).title().strip().replaceAll("\\s+", " "));
            }
        }
    }

    private static LocalDate day(Instant t) {
        return t.atZone(CHINA).toLocalDate();
    }
}
