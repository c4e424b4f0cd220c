package org.fengqiao.intelligence.duplicates;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.fengqiao.intelligence.text.TextNormalizer;

/**
 * Draws the message pairs that were judged by hand for {@code docs/evaluation/duplicate-pairs.tsv} (a tool,
 * not a test). The sources are deliberately independent of {@link DuplicateScorer}: bands of plain
 * character-bigram Jaccard similarity of title + detail, pairs posted by the same user, and random pairs
 * at most 60 days apart. No message is drawn into more than two pairs, so one large cluster of reposts cannot
 * fill a band. Output (standard output): {@code id_a, id_b, source} in a shuffled order, so pairs can be judged
 * without knowing where they came from.
 *
 * <p>Usage: {@code PairSampler FILE [SEED]}; the judged file was drawn with seed 20190108.
 */
public final class PairSampler {

    record Band(String name, double low, double high, int quota) {
    }

    static final List<Band> BANDS = List.of(
            new Band("jaccard-0.50-1.00", 0.50, 1.01, 45),
            new Band("jaccard-0.30-0.50", 0.30, 0.50, 45),
            new Band("jaccard-0.20-0.30", 0.20, 0.30, 50),
            new Band("jaccard-0.15-0.20", 0.15, 0.20, 50),
            new Band("jaccard-0.10-0.15", 0.10, 0.15, 50),
            new Band("jaccard-0.05-0.10", 0.05, 0.10, 50));
    static final int SAME_USER = 50;
    static final int RANDOM_60_DAYS = 60;
    static final int MAX_USES = 2;

    record Row(String id, String user, Instant at, int[] bigrams) {
    }

    record Pair(String a, String b, String source) {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20190108L;
        List<Row> rows = read(file);
        Random random = new Random(seed);
        Sample sample = new Sample();

        Map<String, List<long[]>> byBand = bandPairs(rows);
        for (Band band : BANDS) {
            List<long[]> pool = new ArrayList<>(byBand.get(band.name()));
            Collections.shuffle(pool, random);
            int taken = 0;
            for (int k = 0; k < pool.size() && taken < band.quota(); k++) {
                if (sample.add(rows.get((int) pool.get(k)[0]), rows.get((int) pool.get(k)[1]), band.name())) {
                    taken++;
                }
            }
            System.err.printf("%s: %d pairs in the data, %d drawn%n", band.name(), pool.size(), taken);
        }

        Map<String, List<Integer>> byUser = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byUser.computeIfAbsent(rows.get(i).user(), u -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> users = new ArrayList<>(byUser.values().stream().filter(l -> l.size() > 1).toList());
        Collections.shuffle(users, random);
        int taken = 0;
        for (int round = 0; round < 3 && taken < SAME_USER; round++) {
            for (List<Integer> own : users) {
                if (taken >= SAME_USER) {
                    break;
                }
                int x = own.get(random.nextInt(own.size()));
                int y = own.get(random.nextInt(own.size()));
                if (x != y && sample.add(rows.get(x), rows.get(y), "same-user")) {
                    taken++;
                }
            }
        }
        System.err.printf("same-user: %d users with several messages, %d drawn%n", users.size(), taken);

        List<Row> dated = rows.stream().filter(r -> r.at() != null).toList();
        taken = 0;
        for (int tries = 0; taken < RANDOM_60_DAYS && tries < 1_000_000; tries++) {
            Row x = dated.get(random.nextInt(dated.size()));
            Row y = dated.get(random.nextInt(dated.size()));
            if (x != y && Duration.between(x.at(), y.at()).abs().compareTo(Duration.ofDays(60)) <= 0
                    && sample.add(x, y, "random-60d")) {
                taken++;
            }
        }
        System.err.printf("random-60d: %d drawn%n", taken);

        List<Pair> out = new ArrayList<>(sample.pairs);
        Collections.shuffle(out, random);
        PrintStream ps = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ps.println("id_a\tid_b\tsource");
        out.forEach(p -> ps.println(p.a() + "\t" + p.b() + "\t" + p.source()));
    }

    /** The drawn pairs, each at most once, each message in at most {@link #MAX_USES} pairs. */
    static final class Sample {
        final List<Pair> pairs = new ArrayList<>();
        final Set<String> keys = new HashSet<>();
        final Map<String, Integer> uses = new HashMap<>();

        boolean add(Row x, Row y, String source) {
            String a = x.id().compareTo(y.id()) <= 0 ? x.id() : y.id();
            String b = a.equals(x.id()) ? y.id() : x.id();
            if (a.equals(b) || keys.contains(a + "|" + b)
                    || uses.getOrDefault(a, 0) >= MAX_USES || uses.getOrDefault(b, 0) >= MAX_USES) {
                return false;
            }
            keys.add(a + "|" + b);
            uses.merge(a, 1, Integer::sum);
            uses.merge(b, 1, Integer::sum);
            pairs.add(new Pair(a, b, source));
            return true;
        }
    }

    static Map<String, List<long[]>> bandPairs(List<Row> rows) {
        Map<String, List<long[]>> byBand = new LinkedHashMap<>();
        BANDS.forEach(b -> byBand.put(b.name(), Collections.synchronizedList(new ArrayList<>())));
        IntStream.range(0, rows.size()).parallel().forEach(i -> {
            for (int j = i + 1; j < rows.size(); j++) {
                double jac = jaccard(rows.get(i).bigrams(), rows.get(j).bigrams());
                for (Band band : BANDS) {
                    if (jac >= band.low() && jac < band.high()) {
                        byBand.get(band.name()).add(new long[] {i, j});
                    }
                }
            }
        });
        // parallel collection order is arbitrary: sort so that a seed always draws the same pairs
        byBand.values().forEach(l -> l.sort((p, q) -> p[0] != q[0] ? Long.compare(p[0], q[0]) : Long.compare(p[1], q[1])));
        return byBand;
    }

    static double jaccard(int[] x, int[] y) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = x.length + y.length - common;
        return union == 0 ? 0 : (double) common / union;
    }

    static int[] bigrams(String text) {
        String s = TextNormalizer.normalize(text);
        return IntStream.range(0, Math.max(0, s.length() - 1))
                .map(k -> (s.charAt(k) << 16) | s.charAt(k + 1)).distinct().sorted().toArray();
    }

    static List<Row> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> columns = List.of(lines.getFirst().replace("\uFEFF", "").split("\t", -1));
        int id = columns.indexOf("id");
        int user = columns.indexOf("user");
        int title = columns.indexOf("title");
        int time = columns.indexOf("time");
        int detail = columns.indexOf("detail");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length == columns.size()) {
                rows.add(new Row(f[id].strip(), f[user].strip(), BoardMessages.parseTime(f[time]).orElse(null),
                        bigrams(f[title] + f[detail])));
            }
        }
        return rows;
    }
}
