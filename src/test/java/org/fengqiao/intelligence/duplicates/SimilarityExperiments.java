package org.fengqiao.intelligence.duplicates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import org.fengqiao.intelligence.text.ChineseSegmenter;
import org.fengqiao.intelligence.text.SearchTerms;
import org.fengqiao.intelligence.text.TextNormalizer;

/**
 * The measurements behind the choice of text similarity in {@link DuplicateScorer#textSimilarity} (a tool, not a test): for each
 * candidate measure, its average precision and best F1 over the hand-judged pairs of
 * {@code docs/evaluation/duplicate-pairs.tsv} ("unsure" left out). Usage:
 * {@code SimilarityExperiments DATA_FILE PAIRS_FILE}.
 */
public final class SimilarityExperiments {

    record Judged(Matter a, Matter b, boolean duplicate) {
    }

    record Sets(Map<String, Integer> ignored, int[] title, int[] body, int[] all) {
    }

    public static void main(String[] args) throws IOException {
        List<Matter> matters = BoardMessages.read(Path.of(args[0])).matters();
        Map<String, Matter> byId = new HashMap<>();
        matters.forEach(m -> byId.put(m.id(), m));
        List<Judged> judged = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).subList(1, 401)) {
            String[] f = line.split("\t");
            if (!f[3].equals("unsure")) {
                judged.add(new Judged(byId.get(f[0]), byId.get(f[1]), f[3].equals("duplicate")));
            }
        }
        List<Matter> idfSource = System.getProperty("idf") == null ? matters
                : BoardMessages.read(Path.of(System.getProperty("idf"))).matters();
        ChineseSegmenter segmenter = new ChineseSegmenter();
        Map<String, Function<String, List<String>>> extractors = new LinkedHashMap<>();
        extractors.put("lucene-bigrams", SearchTerms::of);
        extractors.put("char-bigrams", SimilarityExperiments::charBigrams);
        extractors.put("hanlp-words", s -> segmenter.words(TextNormalizer.normalize(s)));
        extractors.put("words,single-runs as bigrams", s -> joinSingles(segmenter.words(TextNormalizer.normalize(s))));
        extractors.put("words+bigrams", s -> {
            List<String> l = new ArrayList<>(segmenter.words(TextNormalizer.normalize(s)));
            l.addAll(SearchTerms.of(s));
            return l;
        });
        for (var e : extractors.entrySet()) {
            if (System.getProperty("extractor") != null && !e.getKey().equals(System.getProperty("extractor"))) {
                continue;
            }
            Function<String, List<String>> x = e.getValue();
            Map<String, Double> idf = idf(idfSource, x);
            Map<Matter, Map<String, List<String>>> cache = new HashMap<>();
            Function<Matter, Map<String, List<String>>> terms = m -> cache.computeIfAbsent(m, k -> Map.of(
                    "title", x.apply(nz(k.title())).stream().distinct().toList(),
                    "body", x.apply(nz(k.text())).stream().distinct().toList(),
                    "all", x.apply(nz(k.title()) + "。" + nz(k.text())).stream().distinct().toList()));
            Map<String, ToDoubleFunction<Judged>> measures = new LinkedHashMap<>();
            measures.put("jaccard(all)", j -> setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), null, "jaccard"));
            measures.put("cosine(all)", j -> setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), null, "cosine"));
            measures.put("overlap(all)", j -> setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), null, "overlap"));
            measures.put("cosine(title)", j -> setSim(terms.apply(j.a()).get("title"), terms.apply(j.b()).get("title"), null, "cosine"));
            measures.put("cosine(body)", j -> setSim(terms.apply(j.a()).get("body"), terms.apply(j.b()).get("body"), null, "cosine"));
            measures.put(".3title+.7all cos", j -> 0.3 * setSim(terms.apply(j.a()).get("title"), terms.apply(j.b()).get("title"), null, "cosine")
                    + 0.7 * setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), null, "cosine"));
            measures.put(".3title+.7all ovl", j -> 0.3 * setSim(terms.apply(j.a()).get("title"), terms.apply(j.b()).get("title"), null, "cosine")
                    + 0.7 * setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), null, "overlap"));
            measures.put("idf cosine(all)", j -> setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), idf, "cosine"));
            measures.put("idf overlap(all)", j -> setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), idf, "overlap"));
            measures.put("idf .3title+.7all cos", j -> 0.3 * setSim(terms.apply(j.a()).get("title"), terms.apply(j.b()).get("title"), idf, "cosine")
                    + 0.7 * setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), idf, "cosine"));
            measures.put("idf .3title+.7all ovl", j -> 0.3 * setSim(terms.apply(j.a()).get("title"), terms.apply(j.b()).get("title"), idf, "cosine")
                    + 0.7 * setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), idf, "overlap"));
            for (double tw : new double[] {0.2, 0.3, 0.4, 0.5}) {
                for (Map<String, Double> weights : java.util.Arrays.asList(null, idf)) {
                    String w = weights == null ? "" : "idf ";
                    measures.put(w + tw + "title+all mean(cos,ovl)", j -> tw * setSim(terms.apply(j.a()).get("title"), terms.apply(j.b()).get("title"), weights, "cosine")
                            + (1 - tw) * 0.5 * (setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), weights, "cosine")
                            + setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), weights, "overlap")));
                    measures.put(w + tw + "title+all ovl", j -> tw * setSim(terms.apply(j.a()).get("title"), terms.apply(j.b()).get("title"), weights, "cosine")
                            + (1 - tw) * setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), weights, "overlap"));
                    measures.put(w + tw + "title+all cos", j -> tw * setSim(terms.apply(j.a()).get("title"), terms.apply(j.b()).get("title"), weights, "cosine")
                            + (1 - tw) * setSim(terms.apply(j.a()).get("all"), terms.apply(j.b()).get("all"), weights, "cosine"));
                }
            }
            for (var m : measures.entrySet()) {
                if (System.getProperty("only") != null && !m.getKey().contains(System.getProperty("only"))) {
                    continue;
                }
                report(e.getKey(), m.getKey(), judged, m.getValue());
            }
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static List<String> charBigrams(String text) {
        String s = TextNormalizer.normalize(text);
        return IntStream.range(0, Math.max(0, s.length() - 1)).mapToObj(k -> s.substring(k, k + 2)).toList();
    }

    /** Multi-character words as they are; runs of single-character tokens (names the dictionary lacks) as bigrams. */
    static List<String> joinSingles(List<String> words) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (String w : words) {
            if (w.codePointCount(0, w.length()) == 1) {
                run.append(w);
                continue;
            }
            flush(run, out);
            out.add(w);
        }
        flush(run, out);
        return out;
    }

    static void flush(StringBuilder run, List<String> out) {
        if (run.length() == 1) {
            out.add(run.toString());
        }
        for (int k = 0; k + 1 < run.length(); k++) {
            out.add(run.substring(k, k + 2));
        }
        run.setLength(0);
    }

    static Map<String, Double> idf(List<Matter> matters, Function<String, List<String>> x) {
        Map<String, Integer> df = new HashMap<>();
        for (Matter m : matters) {
            x.apply(nz(m.title()) + "。" + nz(m.text())).stream().distinct().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        Map<String, Double> idf = new HashMap<>();
        df.forEach((t, n) -> idf.put(t, Math.log((1.0 + matters.size()) / (1.0 + n)) + 1));
        return idf;
    }

    static double setSim(List<String> a, List<String> b, Map<String, Double> idf, String kind) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        java.util.Set<String> sb = new java.util.HashSet<>(b);
        double wa = 0;
        double wb = 0;
        double wc = 0;
        boolean squared = kind.equals("cosine");
        for (String t : a) {
            double w = weight(t, idf, squared);
            wa += w;
            if (sb.contains(t)) {
                wc += w;
            }
        }
        for (String t : b) {
            wb += weight(t, idf, squared);
        }
        return switch (kind) {
            case "jaccard" -> wc / (wa + wb - wc);
            case "cosine" -> wc / Math.sqrt(wa * wb);
            default -> wc / Math.min(wa, wb);
        };
    }

    static double weight(String t, Map<String, Double> idf, boolean squared) {
        double w = idf == null ? 1 : idf.getOrDefault(t, 1.0);
        return squared ? w * w : w;
    }

    static void report(String extractor, String measure, List<Judged> judged, ToDoubleFunction<Judged> f) {
        double[] s = judged.stream().mapToDouble(f).toArray();
        Integer[] order = IntStream.range(0, s.length).boxed().sorted(Comparator.comparingDouble(i -> -s[i])).toArray(Integer[]::new);
        int positives = (int) judged.stream().filter(Judged::duplicate).count();
        int tp = 0;
        double ap = 0;
        double bestF1 = 0;
        double bestT = 0;
        double rAt95 = 0;
        for (int k = 0; k < order.length; k++) {
            if (judged.get(order[k]).duplicate()) {
                tp++;
                ap += (double) tp / (k + 1);
            }
            boolean boundary = k + 1 == order.length || s[order[k + 1]] < s[order[k]];
            if (boundary) {
                double p = (double) tp / (k + 1);
                double r = (double) tp / positives;
                double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
                if (f1 > bestF1) {
                    bestF1 = f1;
                    bestT = s[order[k]];
                }
                if (p >= 0.95) {
                    rAt95 = Math.max(rAt95, r);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-15s %-24s AP %.3f  bestF1 %.3f @ %.3f  recall@P95 %.3f%n",
                extractor, measure, ap / positives, bestF1, bestT, rAt95);
    }

    private SimilarityExperiments() {
    }

    static { Arrays.asList(); }
}
