package org.fengqiao.laws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Measures the suggestions on dispute descriptions judged by hand: a TSV with {@code id}, {@code disputeType},
 * {@code text} and {@code expected} (the articles a mediator needs, {@code law|第…条} separated by {@code ;}).
 * Recall@5 is the share of a description's expected articles among the first five suggestions, averaged over the
 * descriptions; MRR the mean of 1/rank of the first expected article among the first ten (0 when none is).
 */
public final class LawEvaluation {

    public static final int K = 5;
    static final int MRR_DEPTH = 10;

    /** One judged description. */
    public record Dispute(String id, String disputeType, String text, List<String> expected) {
    }

    /** The figures, and per description the rank of its first expected article (0: not in the first ten). */
    public record Result(int disputes, double recallAt5, double mrr, List<String> misses) {
    }

    private LawEvaluation() {
    }

    public static List<Dispute> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Dispute> disputes = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new IOException(file + ": expected 4 columns in " + line);
            }
            disputes.add(new Dispute(f[0], f[1], f[2], Arrays.stream(f[3].split(";")).map(String::strip).toList()));
        }
        return disputes;
    }

    public static Result evaluate(LawSearch search, List<Dispute> disputes) {
        double recall = 0;
        double reciprocal = 0;
        List<String> misses = new ArrayList<>();
        for (Dispute d : disputes) {
            List<String> ranked = search.suggest(d.text(), DisputeLaws.of(d.disputeType()).orElse(null), MRR_DEPTH)
                    .stream().map(s -> s.article().shortTitle() + "|" + s.article().label()).toList();
            Set<String> top = ranked.stream().limit(K).collect(Collectors.toSet());
            long found = d.expected().stream().filter(top::contains).count();
            recall += (double) found / d.expected().size();
            int rank = 0;
            for (int i = 0; i < ranked.size(); i++) {
                if (d.expected().contains(ranked.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            reciprocal += rank == 0 ? 0 : 1.0 / rank;
            if (found < d.expected().size()) {
                misses.add(d.id() + ": found " + found + "/" + d.expected().size() + ", first at " + rank + " "
                        + ranked.stream().limit(K).toList());
            }
        }
        return new Result(disputes.size(), recall / disputes.size(), reciprocal / disputes.size(), misses);
    }

    /** The search latency over the descriptions' texts as queries (the first 60 characters), in milliseconds. */
    public static double[] searchMillis(LawSearch search, List<Dispute> disputes, int rounds) {
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (Dispute d : disputes) {
                String q = d.text().length() > 60 ? d.text().substring(0, 60) : d.text();
                long t0 = System.nanoTime();
                search.search(q, 10);
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
