package org.fengqiao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fengqiao.intelligence.duplicates.BoardMessages;
import org.fengqiao.intelligence.duplicates.DuplicateEvaluation;
import org.fengqiao.intelligence.duplicates.DuplicateGroups;
import org.fengqiao.intelligence.duplicates.DuplicatePolicy;
import org.fengqiao.intelligence.duplicates.DuplicateScorer;
import org.fengqiao.intelligence.duplicates.Matter;
import org.fengqiao.intelligence.duplicates.TermWeights;

/**
 * {@code ./fengqiao duplicates}: measures duplicate detection on hand-judged pairs of a message-board export and
 * shows the duplicate groups it finds there, without starting the platform. Word weights are counted over the
 * data file itself, as the platform counts them over its recent cases.
 */
final class DuplicateCommand {

    static final Path DEFAULT_PAIRS = Path.of("docs/evaluation/duplicate-pairs.tsv");

    static final String USAGE = """
            usage: ./fengqiao duplicates --data FILE [--pairs FILE] [--threshold X] [--window-days N]
                                         [--groups N] [--uniform-weights]
              --data FILE        message-board export (TSV, header with id, title, time, detail)
              --pairs FILE       judged pairs (id_a, id_b, source, verdict); default
                                 docs/evaluation/duplicate-pairs.tsv when it exists
              --threshold X      minimum score (default %s)
              --window-days N    time window in days (default %d)
              --groups N         also list the N largest duplicate groups found in the data
              --uniform-weights  weigh every word alike instead of by rarity in the data
            """.formatted(DuplicatePolicy.defaults().minScore(), DuplicatePolicy.defaults().window().toDays());

    private static final Set<String> VALUED = Set.of("--data", "--pairs", "--threshold", "--window-days", "--groups");
    private static final Set<String> FLAGS = Set.of("--uniform-weights");

    private DuplicateCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            if (FLAGS.contains(name) && eq < 0) {
                o.put(name, "");
            } else if (VALUED.contains(name) && eq > 0) {
                o.put(name, a.substring(eq + 1));
            } else if (VALUED.contains(name) && i + 1 < args.length) {
                o.put(name, args[++i]);
            } else {
                err.println("unknown or incomplete option: " + a + "\n\n" + USAGE);
                return 2;
            }
        }
        if (!o.containsKey("--data")) {
            err.println(USAGE);
            return 2;
        }
        Path data = Path.of(o.get("--data"));
        Path pairs = o.containsKey("--pairs") ? Path.of(o.get("--pairs"))
                : Files.isRegularFile(DEFAULT_PAIRS) ? DEFAULT_PAIRS : null;
        for (Path f : pairs == null ? List.of(data) : List.of(data, pairs)) {
            if (!Files.isRegularFile(f)) {
                err.println("no such file: " + f);
                return 2;
            }
        }
        DuplicatePolicy policy = DuplicatePolicy.defaults();
        int groups;
        try {
            if (o.containsKey("--threshold")) {
                policy = policy.withMinScore(Double.parseDouble(o.get("--threshold")));
            }
            if (o.containsKey("--window-days")) {
                policy = policy.withWindow(Duration.ofDays(Long.parseLong(o.get("--window-days"))));
            }
            groups = Integer.parseInt(o.getOrDefault("--groups", "0"));
        } catch (IllegalArgumentException e) {
            err.println("bad option value: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        }

        BoardMessages.Result read = BoardMessages.read(data);
        read.problems().forEach(p -> err.println(data + ": " + p));
        List<Matter> matters = read.matters();
        TermWeights weights = o.containsKey("--uniform-weights") ? TermWeights.UNIFORM : TermWeights.fromMatters(matters);
        DuplicateScorer scorer = new DuplicateScorer(policy, weights);
        out.printf(Locale.ROOT, "%d messages from %s; window %d days; %s%n", matters.size(), data,
                policy.window().toDays(), weights);

        if (pairs != null) {
            List<DuplicateEvaluation.JudgedPair> judged = DuplicateEvaluation.readPairs(pairs);
            out.println("\njudged pairs: " + pairs);
            out.println(DuplicateEvaluation.evaluate(scorer, matters, judged).render());
            DuplicateEvaluation.Result cv = DuplicateEvaluation.crossValidated(scorer, matters, judged, 5);
            out.printf(Locale.ROOT, "threshold chosen on the other folds (5-fold, mean threshold %.3f): "
                    + "precision %.3f  recall %.3f  F1 %.3f%n", cv.threshold(), cv.precision(), cv.recall(), cv.f1());
            DuplicateEvaluation.Result best = DuplicateEvaluation.best(scorer, matters, judged);
            out.printf(Locale.ROOT, "best threshold on all pairs (optimistic): %.3f, F1 %.3f%n",
                    best.threshold(), best.f1());
        }
        if (groups > 0) {
            List<List<Matter>> found = DuplicateGroups.find(scorer, matters);
            long grouped = found.stream().mapToLong(List::size).sum();
            out.printf(Locale.ROOT, "%n%d duplicate groups holding %d messages; the %d largest:%n",
                    found.size(), grouped, Math.min(groups, found.size()));
            for (List<Matter> g : found.subList(0, Math.min(groups, found.size()))) {
                out.printf(Locale.ROOT, "%n  %d messages%n", g.size());
                for (Matter m : g) {
                    String day = m.at() == null ? "?" : LocalDate.ofInstant(m.at(), BoardMessages.ZONE).toString();
                    out.printf(Locale.ROOT, "    %-8s %s  %s%n", m.id(), day, shorten(m.title(), 40));
                }
            }
        }
        return 0;
    }

    private static String shorten(String s, int max) {
        String t = s == null ? "" : s.strip();
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max)) + "…";
    }
}
