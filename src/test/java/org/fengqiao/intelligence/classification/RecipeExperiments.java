package org.fengqiao.intelligence.classification;

import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.fengqiao.intelligence.text.TextNormalizer;

/**
 * The experiments behind the README figures (a tool, not a test): cached features, grouped 5-fold
 * CV on the training file with optional extra training sources added to every fold, dev held out.
 * Usage: {@code RecipeExperiments e_baseline e_taxo e_replies e_views e_dedup e_final e_semi e_oracle e_title e_stop}
 * with {@code -Dfengqiao.shared-data=DIR} (features are cached in {@code -Dcache=DIR}, default
 * target/experiment-cache; delete it after changing the feature extraction).
 */
public final class RecipeExperiments {
    static final Path DATA = Path.of(System.getProperty("fengqiao.shared-data", "../shared/data"));
    static final Path CACHE = Path.of(System.getProperty("cache", "target/experiment-cache"));
    static final int FOLDS = 5;
    static List<String> labels;
    static PrintStream log;

    // raw data
    static List<String> trText = new ArrayList<>(); static int[] trY;
    static List<String> devTitle = new ArrayList<>(), devDetail = new ArrayList<>(), devId = new ArrayList<>(); static int[] devY;
    static List<String> repTitle = new ArrayList<>(), repDetail = new ArrayList<>(), repReply = new ArrayList<>();
    static List<String> unlTitle = new ArrayList<>(), unlDetail = new ArrayList<>();
    static List<String[]> taxonomy = new ArrayList<>();
    static int[] folds;

    static List<String[]> tsv(String name) throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve(name), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
    }

    static void load() throws IOException {
        Files.createDirectories(CACHE);
        List<String[]> tr = tsv("messages-train.tsv");
        labels = tr.stream().map(f -> f[0].strip()).distinct().sorted().toList();
        trY = new int[tr.size()];
        for (int i = 0; i < tr.size(); i++) { trText.add(tr.get(i)[1]); trY[i] = labels.indexOf(tr.get(i)[0].strip()); }
        List<String[]> dev = tsv("messages-dev.tsv");
        devY = new int[dev.size()];
        for (int i = 0; i < dev.size(); i++) {
            String[] f = dev.get(i);
            devId.add(f[0]); devY[i] = labels.indexOf(f[1]); devTitle.add(f[2]); devDetail.add(f[4]);
        }
        for (String[] f : tsv("messages-with-replies.tsv")) { repTitle.add(f[2]); repDetail.add(f[4]); repReply.add(f[5]); }
        for (String[] f : tsv("messages-unlabeled.tsv")) { unlTitle.add(f[2]); unlDetail.add(f[4]); }
        taxonomy = tsv("taxonomy.tsv");
        folds = loadFolds();
    }

    static int[] GROUPS;
    static int[] loadFolds() throws IOException {
        Path p = CACHE.resolve("folds.bin");
        Path gp = CACHE.resolve("groups.bin");
        if (Files.exists(gp)) try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(gp)))) {
            GROUPS = new int[in.readInt()]; for (int i = 0; i < GROUPS.length; i++) GROUPS[i] = in.readInt();
        } else {
            FeatureExtractor tri = new FeatureExtractor(new FeatureSpec(3, 3, false, false));
            GROUPS = NearDuplicates.groups(NearDuplicates.signatures(trText.stream().map(tri::extract).toList()), 0.3);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(gp)))) {
                out.writeInt(GROUPS.length); for (int x : GROUPS) out.writeInt(x);
            }
        }
        if (Files.exists(p)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p)))) {
                int[] f = new int[in.readInt()]; for (int i = 0; i < f.length; i++) f[i] = in.readInt(); return f;
            }
        }
        FeatureExtractor tri = new FeatureExtractor(new FeatureSpec(3, 3, false, false));
        int[] groups = GROUPS = NearDuplicates.groups(NearDuplicates.signatures(trText.stream().map(tri::extract).toList()), 0.3);
        int[] f = groupedFolds(trY, groups, FOLDS, 7);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p)))) {
            out.writeInt(f.length); for (int x : f) out.writeInt(x);
        }
        return f;
    }

    static int[] groupedFolds(int[] y, int[] groups, int k, long seed) {
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < y.length; i++) members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        List<List<Integer>> order = new ArrayList<>(members.values());
        Collections.shuffle(order, new Random(seed));
        order.sort((a, b) -> b.size() - a.size());
        int classes = Arrays.stream(y).max().getAsInt() + 1;
        int[][] perFold = new int[k][classes];
        int[] fo = new int[y.length];
        for (List<Integer> group : order) {
            int c = y[group.get(0)]; int best = 0;
            for (int f = 1; f < k; f++) if (perFold[f][c] < perFold[best][c]) best = f;
            for (int i : group) { fo[i] = best; perFold[best][y[i]]++; }
        }
        return fo;
    }

    // ---------- feature extraction with cache ----------
    static final FeatureExtractor ALL = new FeatureExtractor(new FeatureSpec(1, 3, true, true));

    static List<TermCounts> features(String cacheName, List<String> texts, UnaryOperator<String> pre) throws Exception {
        Path p = CACHE.resolve(cacheName + ".bin");
        if (Files.exists(p)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16))) {
                int n = in.readInt(); List<TermCounts> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int m = in.readInt(); long[] k = new long[m]; int[] c = new int[m];
                    for (int j = 0; j < m; j++) { k[j] = in.readLong(); c[j] = in.readInt(); }
                    out.add(new TermCounts(k, c));
                }
                if (n == texts.size()) return out;
            }
        }
        List<TermCounts> out = texts.parallelStream().map(t -> ALL.extract(pre.apply(t))).toList();
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16))) {
            o.writeInt(out.size());
            for (TermCounts tc : out) { o.writeInt(tc.size()); for (int j = 0; j < tc.size(); j++) { o.writeLong(tc.keys()[j]); o.writeInt(tc.counts()[j]); } }
        }
        return out;
    }

    /** view filter on keys: chars n-gram range, words, pairs. */
    static TermCounts view(TermCounts t, int minN, int maxN, boolean words, boolean pairs) {
        long[] k = t.keys(); int[] c = t.counts();
        long[] nk = new long[k.length]; int[] nc = new int[k.length]; int n = 0;
        for (int i = 0; i < k.length; i++) {
            long tag = k[i] >>> 60;
            boolean keep;
            if (tag == 1) keep = words; else if (tag == 2) keep = pairs;
            else { int g = char_n(k[i]); keep = g >= minN && g <= maxN; }
            if (keep) { nk[n] = k[i]; nc[n++] = c[i]; }
        }
        return new TermCounts(Arrays.copyOf(nk, n), Arrays.copyOf(nc, n));
    }

    static int char_n(long key) {
        // key = n, then n 16-bit chars shifted in: n occupies bits above 16*n
        for (int n = 1; n <= 3; n++) if ((key >>> (16 * n)) == n) return n;
        return -1;
    }

    static List<TermCounts> view(List<TermCounts> l, String v) {
        return switch (v) {
            case "default" -> l.stream().map(t -> view(t, 1, 3, true, false)).toList();
            case "all" -> l;
            case "char" -> l.stream().map(t -> view(t, 1, 3, false, false)).toList();
            case "char23" -> l.stream().map(t -> view(t, 2, 3, false, false)).toList();
            case "word" -> l.stream().map(t -> view(t, 9, 9, true, false)).toList();
            case "wordpair" -> l.stream().map(t -> view(t, 9, 9, true, true)).toList();
            default -> throw new IllegalArgumentException(v);
        };
    }

    // ---------- stop words inferred from raw vs segmented ----------
    static final Segment SEG = new DoubleArrayTrieSegment().enablePartOfSpeechTagging(false).enableCustomDictionary(false);

    static List<String> tokens(String text) {
        String n = TextNormalizer.normalize(text);
        if (n.isEmpty()) return List.of();
        return SEG.seg(n).stream().map(t -> t.word).toList();
    }

    static Set<String> inferStopWords(double minRawDf, double ratio) {
        Map<String, Integer> rawDf = new HashMap<>(), trDf = new HashMap<>();
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < unlTitle.size(); i++) raw.add(unlTitle.get(i) + " " + unlDetail.get(i));
        for (int i = 0; i < repTitle.size(); i++) raw.add(repTitle.get(i) + " " + repDetail.get(i));
        for (String r : raw) new HashSet<>(tokens(r)).forEach(w -> rawDf.merge(w, 1, Integer::sum));
        for (String t : trText) new HashSet<>(tokens(t)).forEach(w -> trDf.merge(w, 1, Integer::sum));
        Set<String> stop = new TreeSet<>();
        rawDf.forEach((w, df) -> {
            double r = (double) df / raw.size();
            double t = (double) trDf.getOrDefault(w, 0) / trText.size();
            if (r >= minRawDf && t < ratio * r) stop.add(w);
        });
        return stop;
    }

    static UnaryOperator<String> stripper(Set<String> stop) {
        return text -> {
            StringBuilder sb = new StringBuilder(text.length());
            for (String w : tokens(text)) if (!stop.contains(w)) sb.append(w).append(' ');
            return sb.toString();
        };
    }

    // ---------- training / evaluation ----------
    record Extra(List<TermCounts> x, int[] y) {
        static Extra none() { return new Extra(List.of(), new int[0]); }
        Extra repeat(int k) {
            List<TermCounts> xx = new ArrayList<>(); int[] yy = new int[y.length * k]; int n = 0;
            for (int r = 0; r < k; r++) { xx.addAll(x); for (int v : y) yy[n++] = v; }
            return new Extra(xx, yy);
        }
        Extra plus(Extra o) {
            List<TermCounts> xx = new ArrayList<>(x); xx.addAll(o.x);
            int[] yy = Arrays.copyOf(y, y.length + o.y.length); System.arraycopy(o.y, 0, yy, y.length, o.y.length);
            return new Extra(xx, yy);
        }
    }

    record Fitted(FeatureSpace space, LinearModel model) {
        double[] scores(TermCounts t) { return model.scores(space.vectorize(t)); }
    }

    static Fitted fit(List<TermCounts> x, int[] y, Extra extra, double cost, int minDf, boolean idfOnTrainOnly) {
        List<TermCounts> all = new ArrayList<>(x); all.addAll(extra.x);
        int[] yy = Arrays.copyOf(y, y.length + extra.y.length); System.arraycopy(extra.y, 0, yy, y.length, extra.y.length);
        FeatureSpace space = FeatureSpace.fit(idfOnTrainOnly ? x : all, minDf);
        LinearModel m = new LinearTrainer(cost, true, 2, 42).train(all.stream().map(space::vectorize).toList(), yy, labels.size(), space.dimension());
        return new Fitted(space, m);
    }

    /** Out-of-fold scores for train (grouped folds) and dev scores from a full fit. */
    record Scores(double[][] cv, double[][] dev) {}

    static Scores scores(List<TermCounts> tr, List<TermCounts> dv, Extra extra, double cost, int minDf) {
        double[][] cv = new double[tr.size()][];
        for (int f = 0; f < FOLDS; f++) {
            List<TermCounts> fx = new ArrayList<>(); List<Integer> fy = new ArrayList<>();
            for (int i = 0; i < tr.size(); i++) if (folds[i] != f) { fx.add(tr.get(i)); fy.add(trY[i]); }
            Fitted m = fit(fx, fy.stream().mapToInt(Integer::intValue).toArray(), extra, cost, minDf, false);
            for (int i = 0; i < tr.size(); i++) if (folds[i] == f) cv[i] = m.scores(tr.get(i));
        }
        Fitted m = fit(tr, trY, extra, cost, minDf, false);
        double[][] dev = dv.stream().map(m::scores).toArray(double[][]::new);
        return new Scores(cv, dev);
    }

    static Evaluation eval(double[][] s, int[] y) {
        List<String> g = new ArrayList<>(), p = new ArrayList<>();
        for (int i = 0; i < y.length; i++) { g.add(labels.get(y[i])); p.add(labels.get(argmax(s[i]))); }
        return Evaluation.compare(g, p);
    }

    static int argmax(double[] s) { int b = 0; for (int i = 1; i < s.length; i++) if (s[i] > s[b]) b = i; return b; }

    static void report(String name, Scores s) {
        Evaluation cv = eval(s.cv, trY), dev = eval(s.dev, devY);
        String line = String.format("%-60s | CV acc %.4f mF1 %.4f | dev acc %.4f mF1 %.4f", name, cv.accuracy(), cv.macroF1(), dev.accuracy(), dev.macroF1());
        System.out.println(line);
        log.println(line);
        log.flush();
    }

    static String devText(int i) { return devTitle.get(i) + " " + devDetail.get(i); }

    public static void main(String[] args) throws Exception {
        log = new PrintStream(new FileOutputStream(Files.createDirectories(CACHE).resolve("results.txt").toFile(), true), true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        load();
        System.err.printf("loaded %.1fs%n", (System.nanoTime() - t0) / 1e9);
        for (String a : args) {
            RecipeExperiments.class.getDeclaredMethod(a).invoke(null);
        }
    }

    // ======== experiments ========
    static List<TermCounts> TR, DEV;
    static void base() throws Exception {
        TR = features("train", trText, s -> s);
        DEV = features("dev", IntStream.range(0, devY.length).mapToObj(RecipeExperiments::devText).toList(), s -> s);
    }

    static void e_baseline() throws Exception {
        base();
        report("baseline default C=3", scores(view(TR, "default"), view(DEV, "default"), Extra.none(), 3, 2));
    }

    static void e_stop() throws Exception {
        for (double ratio : new double[] {0.02, 0.1}) {
            Set<String> stop = inferStopWords(0.002, ratio);
            System.out.println("stop words (" + ratio + "): " + stop.size() + " " + stop);
            UnaryOperator<String> st = stripper(stop);
            List<TermCounts> tr = features("train_stop" + ratio, trText, st);
            List<TermCounts> dv = features("dev_stop" + ratio, IntStream.range(0, devY.length).mapToObj(RecipeExperiments::devText).toList(), st);
            report("stop-strip ratio " + ratio + " default C=3", scores(view(tr, "default"), view(dv, "default"), Extra.none(), 3, 2));
        }
    }

    static Extra taxonomyExtra(boolean withLevel2Rows) throws Exception {
        List<String> texts = new ArrayList<>(); List<Integer> ys = new ArrayList<>();
        Set<String> seen2 = new HashSet<>();
        for (String[] t : taxonomy) {
            int c = labels.indexOf(t[0]);
            if (c < 0) continue;
            String l2 = t[1].equals("其他") ? "" : t[1];
            String l3 = t[2].equals("其他") ? "" : t[2];
            String text = (l2 + " " + l3).strip();
            if (!l3.isEmpty()) { texts.add(text); ys.add(c); }
            if (withLevel2Rows && !l2.isEmpty() && seen2.add(t[0] + l2)) { texts.add(l2); ys.add(c); }
        }
        List<TermCounts> x = texts.stream().map(ALL::extract).toList();
        return new Extra(x, ys.stream().mapToInt(Integer::intValue).toArray());
    }

    static void e_taxo() throws Exception {
        base();
        Extra tx = taxonomyExtra(true);
        System.out.println("taxonomy pseudo-examples: " + tx.y.length);
        for (int k : new int[] {1, 5, 20}) {
            report("taxonomy x" + k + " default C=3", scores(view(TR, "default"), view(DEV, "default"), view(tx, "default").repeat(k), 3, 2));
        }
    }

    static Extra view(Extra e, String v) { return new Extra(view(e.x, v), e.y); }

    // ---------- replies: department -> class ----------
    static final String[][] DEPARTMENTS = {
        {"教育文体", "教育局", "教育厅", "教体局", "教育体育局", "教育和体育局", "文体局", "体育局", "文化局", "文广新局", "文物局", "文化广电", "教育部"},
        {"劳动和社会保障", "人社局", "人社厅", "人力资源和社会保障", "人力资源社会保障", "社保局", "社会保险", "医保局", "医疗保障局", "医保中心", "就业服务", "劳动保障监察", "劳动监察", "社保中心", "社保处"},
        {"城乡建设", "住建局", "住建委", "住房和城乡建设", "城管局", "城市管理", "规划局", "规划分局", "房产局", "住房保障", "房屋征收", "建设局", "城乡建设局", "行政执法局", "住建厅", "自然资源和规划局", "征收办", "拆迁办", "房地产"},
        {"交通运输", "交通运输局", "交通局", "公路局", "运管处", "运输管理", "邮政管理局", "交通运输厅", "运管局", "公交集团", "交通建设"},
        {"卫生计生", "卫健委", "卫生健康委", "卫生健康局", "卫生计生委", "卫计委", "卫生局", "卫生和计划生育", "食药监", "食品药品监督", "疾控中心", "计生局", "人口计生", "卫生厅"},
        {"环境保护", "环保局", "环境保护局", "生态环境局", "环保厅", "环境保护厅", "生态环境厅", "环保分局", "环境监察"},
        {"商贸旅游", "商务局", "工商局", "市场监管局", "市场监督管理局", "市场和质量监督管理局", "质监局", "质量技术监督局", "旅游局", "物价局", "商务厅", "旅游外事侨务局", "工商分局", "市场监管分局"},
        {"OTHER", "公安局", "公安分局", "派出所", "民政局", "国土资源局", "国土局", "农业局", "农业农村局", "水利局", "林业局", "财政局", "发改委", "发展和改革", "司法局", "信访局", "纪委", "监察委", "统计局", "审计局", "税务局", "扶贫办", "畜牧水产", "交警", "消防"},
    };

    /** Returns class index, or -1 to abstain. */
    static int weakLabel(String reply, double dominance) {
        double[] counts = new double[DEPARTMENTS.length];
        for (int d = 0; d < DEPARTMENTS.length; d++) {
            for (int j = 1; j < DEPARTMENTS[d].length; j++) {
                String kw = DEPARTMENTS[d][j];
                int from = 0;
                while ((from = reply.indexOf(kw, from)) >= 0) { counts[d]++; from += kw.length(); }
            }
        }
        int best = argmax(counts);
        if (counts[best] == 0 || best == DEPARTMENTS.length - 1) return -1;
        double second = 0;
        for (int d = 0; d < counts.length; d++) if (d != best) second = Math.max(second, counts[d]);
        if (counts[best] < dominance * second) return -1;
        return labels.indexOf(DEPARTMENTS[best][0]);
    }

    static Set<Integer> devNearDuplicates(List<String> titles, List<TermCounts> feats, double threshold) {
        Set<String> devTitles = new HashSet<>(devTitle.stream().map(String::strip).toList());
        int[][] sigDev = NearDuplicates.signatures(DEV.stream().map(t -> view(t, 3, 3, false, false)).toList());
        int[][] sig = NearDuplicates.signatures(feats.stream().map(t -> view(t, 3, 3, false, false)).toList());
        Set<Integer> dup = new HashSet<>();
        for (int i = 0; i < sig.length; i++) {
            if (devTitles.contains(titles.get(i).strip())) { dup.add(i); continue; }
            for (int[] d : sigDev) if (NearDuplicates.similarity(sig[i], d) >= threshold) { dup.add(i); break; }
        }
        return dup;
    }

    static List<TermCounts> REP, UNL;
    static Set<Integer> repDup, unlDup;
    static void raw() throws Exception {
        base();
        REP = features("rep", IntStream.range(0, repTitle.size()).mapToObj(i -> repTitle.get(i) + " " + repDetail.get(i)).toList(), s -> s);
        UNL = features("unl", IntStream.range(0, unlTitle.size()).mapToObj(i -> unlTitle.get(i) + " " + unlDetail.get(i)).toList(), s -> s);
        repDup = devNearDuplicates(repTitle, REP, 0.5);
        unlDup = devNearDuplicates(unlTitle, UNL, 0.5);
        System.out.println("near-duplicates of dev: replies " + repDup.size() + ", unlabeled " + unlDup.size());
    }

    static Extra replyExtra(double dominance, Fitted agreeWith, double minProbRank) {
        List<TermCounts> x = new ArrayList<>(); List<Integer> ys = new ArrayList<>();
        int[] perClass = new int[labels.size()]; int agree = 0;
        for (int i = 0; i < REP.size(); i++) {
            if (repDup.contains(i)) continue;
            int c = weakLabel(repReply.get(i), dominance);
            if (c < 0) continue;
            if (agreeWith != null) {
                double[] s = agreeWith.scores(view(REP.get(i), 1, 3, true, false));
                int rank = 0; for (double v : s) if (v > s[c]) rank++;
                if (rank >= minProbRank) continue;
                if (rank == 0) agree++;
            }
            x.add(REP.get(i)); ys.add(c); perClass[c]++;
        }
        System.out.println("reply-labelled: " + ys.size() + " per class " + labels + " " + Arrays.toString(perClass) + (agreeWith != null ? " agree top1 " + agree : ""));
        return new Extra(x, ys.stream().mapToInt(Integer::intValue).toArray());
    }

    static void e_replies() throws Exception {
        raw();
        Fitted full = fit(view(TR, "default"), trY, Extra.none(), 3, 2, false);
        // agreement of weak labels with the train-only model
        Extra all = replyExtra(2, null, 0);
        int agree = 0;
        int[][] conf = new int[labels.size()][labels.size()];
        for (int i = 0; i < all.y.length; i++) { int p = argmax(full.scores(view(all.x.get(i), 1, 3, true, false))); conf[all.y[i]][p]++; if (p == all.y[i]) agree++; }
        System.out.println("weak vs model agreement " + agree + "/" + all.y.length);
        for (int[] r : conf) System.out.println(Arrays.toString(r));
        report("replies dom2 all", scores(view(TR, "default"), view(DEV, "default"), view(all, "default"), 3, 2));
        report("replies dom2 top2", scores(view(TR, "default"), view(DEV, "default"), view(replyExtra(2, full, 2), "default"), 3, 2));
    }

    static void e_oracle() throws Exception {
        base();
        List<TermCounts> tr = view(TR, "default"), dv = view(DEV, "default");
        int[] dfold = Folds.stratified(devY, labels.size(), 5, 11);
        for (int k : new int[] {1, 3}) {
            double[][] s = new double[dv.size()][];
            for (int f = 0; f < 5; f++) {
                List<TermCounts> ex = new ArrayList<>(); List<Integer> ey = new ArrayList<>();
                for (int i = 0; i < dv.size(); i++) if (dfold[i] != f) { ex.add(dv.get(i)); ey.add(devY[i]); }
                Extra e = new Extra(ex, ey.stream().mapToInt(Integer::intValue).toArray()).repeat(k);
                Fitted m = fit(tr, trY, e, 3, 2, false);
                for (int i = 0; i < dv.size(); i++) if (dfold[i] == f) s[i] = m.scores(dv.get(i));
            }
            Evaluation ev = eval(s, devY);
            String line = String.format("ORACLE train + 4/5 dev x%d -> 1/5 dev: acc %.4f mF1 %.4f", k, ev.accuracy(), ev.macroF1());
            System.out.println(line); log.println(line);
        }
        // dev alone 5-fold
        double[][] s = new double[dv.size()][];
        for (int f = 0; f < 5; f++) {
            List<TermCounts> ex = new ArrayList<>(); List<Integer> ey = new ArrayList<>();
            for (int i = 0; i < dv.size(); i++) if (dfold[i] != f) { ex.add(dv.get(i)); ey.add(devY[i]); }
            Fitted m = fit(ex, ey.stream().mapToInt(Integer::intValue).toArray(), Extra.none(), 3, 1, false);
            for (int i = 0; i < dv.size(); i++) if (dfold[i] == f) s[i] = m.scores(dv.get(i));
        }
        Evaluation ev = eval(s, devY);
        String line = String.format("dev-only 5-fold: acc %.4f mF1 %.4f", ev.accuracy(), ev.macroF1());
        System.out.println(line); log.println(line);
    }

    static void e_title() throws Exception {
        base();
        List<TermCounts> dv2 = features("dev_title2", IntStream.range(0, devY.length).mapToObj(i -> devTitle.get(i) + " " + devTitle.get(i) + " " + devDetail.get(i)).toList(), s -> s);
        List<TermCounts> dvT = features("dev_titleonly", devTitle, s -> s);
        Fitted m = fit(view(TR, "default"), trY, Extra.none(), 3, 2, false);
        for (var e : Map.of("title x2", dv2, "title only", dvT).entrySet()) {
            Evaluation ev = eval(view(e.getValue(), "default").stream().map(m::scores).toArray(double[][]::new), devY);
            String line = String.format("%-60s | dev acc %.4f mF1 %.4f", "dev input " + e.getKey(), ev.accuracy(), ev.macroF1());
            System.out.println(line); log.println(line);
        }
    }

    // ----- softmax temperature on OOF scores, then average probabilities -----
    static double[][] probs(double[][] s, double scale) {
        SoftmaxCalibration c = new SoftmaxCalibration(scale);
        return Arrays.stream(s).map(c::probabilities).toArray(double[][]::new);
    }

    static Scores calibrated(Scores s) {
        double scale = SoftmaxCalibration.fit(s.cv, trY).scale();
        return new Scores(probs(s.cv, scale), probs(s.dev, scale));
    }

    static Scores average(List<Scores> parts) {
        int n = parts.get(0).cv.length, m = parts.get(0).dev.length, k = labels.size();
        double[][] cv = new double[n][k], dev = new double[m][k];
        for (Scores p : parts) {
            for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) cv[i][c] += p.cv[i][c] / parts.size();
            for (int i = 0; i < m; i++) for (int c = 0; c < k; c++) dev[i][c] += p.dev[i][c] / parts.size();
        }
        return new Scores(cv, dev);
    }

    static final Map<String, Scores> SAVED = new LinkedHashMap<>();

    static void e_views() throws Exception {
        base();
        Extra tx = taxonomyExtra(true);
        for (String v : new String[] {"default", "char", "word", "wordpair", "all"}) {
            Scores s = scores(view(TR, v), view(DEV, v), Extra.none(), 3, 2);
            report("view " + v + " C=3", s);
            SAVED.put(v, calibrated(s));
            Scores st = scores(view(TR, v), view(DEV, v), view(tx, v), 3, 2);
            report("view " + v + " C=3 + taxonomy x1", st);
            SAVED.put(v + "+tx", calibrated(st));
        }
        Scores nb = cnb(view(TR, "default"), view(DEV, "default"), Extra.none());
        report("complement NB default", nb);
        SAVED.put("cnb", calibrated(nb));
        Scores nbt = cnb(view(TR, "default"), view(DEV, "default"), view(tx, "default"));
        report("complement NB default + taxonomy", nbt);
        SAVED.put("cnb+tx", calibrated(nbt));
        String[][] ens = {{"char", "word"}, {"char", "wordpair"}, {"default", "wordpair"}, {"default", "cnb"}, {"char", "word", "cnb"},
            {"char+tx", "word+tx"}, {"char+tx", "wordpair+tx"}, {"default+tx", "cnb+tx"}, {"char+tx", "word+tx", "cnb+tx"}, {"default+tx", "wordpair+tx", "cnb+tx"}};
        for (String[] e : ens) report("ensemble " + String.join("+", e), average(Arrays.stream(e).map(SAVED::get).toList()));
    }

    /** Complement naive Bayes (Rennie et al. 2003) on TF-IDF weights; scores = -complement log-likelihood. */
    static Scores cnb(List<TermCounts> tr, List<TermCounts> dv, Extra extra) {
        double[][] cv = new double[tr.size()][];
        for (int f = 0; f < FOLDS; f++) {
            List<TermCounts> fx = new ArrayList<>(); List<Integer> fy = new ArrayList<>();
            for (int i = 0; i < tr.size(); i++) if (folds[i] != f) { fx.add(tr.get(i)); fy.add(trY[i]); }
            Fitted m = fitCnb(fx, fy.stream().mapToInt(Integer::intValue).toArray(), extra);
            for (int i = 0; i < tr.size(); i++) if (folds[i] == f) cv[i] = m.scores(tr.get(i));
        }
        Fitted m = fitCnb(tr, trY, extra);
        return new Scores(cv, dv.stream().map(m::scores).toArray(double[][]::new));
    }

    static Fitted fitCnb(List<TermCounts> x0, int[] y0, Extra extra) {
        List<TermCounts> x = new ArrayList<>(x0); x.addAll(extra.x);
        int[] y = Arrays.copyOf(y0, y0.length + extra.y.length); System.arraycopy(extra.y, 0, y, y0.length, extra.y.length);
        FeatureSpace space = FeatureSpace.fit(x, 2);
        int k = labels.size(), d = space.dimension();
        double[][] sum = new double[k][d]; double[] tot = new double[k];
        for (int i = 0; i < x.size(); i++) {
            SparseVector v = space.vectorize(x.get(i));
            for (int j = 0; j < v.size(); j++) { sum[y[i]][v.indices()[j]] += v.values()[j]; tot[y[i]] += v.values()[j]; }
        }
        double alpha = 0.1;
        float[] w = new float[k * d];
        double allTot = Arrays.stream(tot).sum();
        for (int c = 0; c < k; c++) {
            double[] wc = new double[d]; double norm = 0;
            for (int j = 0; j < d; j++) {
                double comp = 0; for (int o = 0; o < k; o++) if (o != c) comp += sum[o][j];
                wc[j] = Math.log((comp + alpha) / (allTot - tot[c] + alpha * d));
                norm += Math.abs(wc[j]);
            }
            for (int j = 0; j < d; j++) w[j * k + c] = (float) (-wc[j] / norm * 1000);
        }
        return new Fitted(space, new LinearModel(k, d, w, new float[k]));
    }

    /** first member of each near-duplicate group */
    static boolean[] representative() {
        boolean[] r = new boolean[trY.length]; Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < r.length; i++) r[i] = seen.add(GROUPS[i]);
        return r;
    }

    static void reportRep(String name, Scores s) {
        boolean[] rep = representative();
        List<double[]> cs = new ArrayList<>(); List<Integer> ys = new ArrayList<>();
        for (int i = 0; i < rep.length; i++) if (rep[i]) { cs.add(s.cv[i]); ys.add(trY[i]); }
        Evaluation cvr = eval(cs.toArray(double[][]::new), ys.stream().mapToInt(Integer::intValue).toArray());
        Evaluation cv = eval(s.cv, trY), dev = eval(s.dev, devY);
        String line = String.format("%-52s | CV mF1 %.4f | CV-unique acc %.4f mF1 %.4f | dev acc %.4f mF1 %.4f", name, cv.macroF1(), cvr.accuracy(), cvr.macroF1(), dev.accuracy(), dev.macroF1());
        System.out.println(line); log.println(line); log.flush();
    }

    /** training subset per fold with at most cap members of each group */
    static Scores scoresCapped(List<TermCounts> tr, List<TermCounts> dv, Extra extra, double cost, int cap) {
        int[] kept = new int[trY.length]; Map<Integer, Integer> used = new HashMap<>();
        boolean[] keep = new boolean[trY.length];
        for (int i = 0; i < keep.length; i++) { int u = used.merge(GROUPS[i], 1, Integer::sum); keep[i] = u <= cap; }
        double[][] cv = new double[tr.size()][];
        for (int f = 0; f < FOLDS; f++) {
            List<TermCounts> fx = new ArrayList<>(); List<Integer> fy = new ArrayList<>();
            for (int i = 0; i < tr.size(); i++) if (folds[i] != f && keep[i]) { fx.add(tr.get(i)); fy.add(trY[i]); }
            Fitted m = fit(fx, fy.stream().mapToInt(Integer::intValue).toArray(), extra, cost, 2, false);
            for (int i = 0; i < tr.size(); i++) if (folds[i] == f) cv[i] = m.scores(tr.get(i));
        }
        List<TermCounts> fx = new ArrayList<>(); List<Integer> fy = new ArrayList<>();
        for (int i = 0; i < tr.size(); i++) if (keep[i]) { fx.add(tr.get(i)); fy.add(trY[i]); }
        Fitted m = fit(fx, fy.stream().mapToInt(Integer::intValue).toArray(), extra, cost, 2, false);
        return new Scores(cv, dv.stream().map(m::scores).toArray(double[][]::new));
    }

    static void e_dedup() throws Exception {
        base();
        boolean[] rep = representative();
        int[] all = new int[labels.size()], uniq = new int[labels.size()], dv = new int[labels.size()];
        Map<Integer, Integer> size = new HashMap<>();
        for (int i = 0; i < rep.length; i++) { all[trY[i]]++; if (rep[i]) uniq[trY[i]]++; size.merge(GROUPS[i], 1, Integer::sum); }
        int singles = 0; int[] singleCls = new int[labels.size()];
        for (int i = 0; i < rep.length; i++) if (size.get(GROUPS[i]) == 1) { singles++; singleCls[trY[i]]++; }
        for (int y : devY) dv[y]++;
        System.out.println(labels + "\nall " + Arrays.toString(all) + "\nreps " + Arrays.toString(uniq) + "\nsingletons " + Arrays.toString(singleCls) + "\ndev " + Arrays.toString(dv));
        Extra tx = taxonomyExtra(true);
        List<TermCounts> tr = view(TR, "default"), dvx = view(DEV, "default");
        for (int cap : new int[] {1000000, 1, 2}) {
            reportRep("default cap " + cap, scoresCapped(tr, dvx, Extra.none(), 3, cap));
            reportRep("default+tx cap " + cap, scoresCapped(tr, dvx, view(tx, "default"), 3, cap));
        }
    }

    static void e_final() throws Exception {
        base();
        List<TermCounts> dv2 = features("dev_title2", IntStream.range(0, devY.length).mapToObj(i -> devTitle.get(i) + " " + devTitle.get(i) + " " + devDetail.get(i)).toList(), s -> s);
        List<TermCounts> dv3 = features("dev_title3", IntStream.range(0, devY.length).mapToObj(i -> devTitle.get(i) + " " + devTitle.get(i) + " " + devTitle.get(i) + " " + devDetail.get(i)).toList(), s -> s);
        Extra tx = taxonomyExtra(true);
        Map<String, Scores> m = new LinkedHashMap<>();
        for (String v : new String[] {"default", "char", "word", "wordpair"}) {
            for (int cap : new int[] {1000000, 1}) {
                Scores s = scoresCapped(view(TR, v), view(dv2, v), view(tx, v), 3, cap);
                reportRep("title2 " + v + "+tx cap" + cap, s);
                m.put(v + cap, calibrated(s));
            }
        }
        Scores s = scoresCapped(view(TR, "default"), view(dv2, "default"), Extra.none(), 3, 1000000);
        reportRep("title2 default (no tx) cap-", s);
        s = scoresCapped(view(TR, "default"), view(dv3, "default"), view(tx, "default"), 3, 1);
        reportRep("title3 default+tx cap1", s);
        for (String[] e : new String[][] {{"char1", "word1"}, {"default1", "wordpair1"}, {"char1000000", "word1000000"}, {"char1", "wordpair1"}, {"default1", "word1"}})
            reportRep("title2 ensemble " + String.join("+", e), average(Arrays.stream(e).map(m::get).toList()));
    }

    static void e_semi() throws Exception {
        raw();
        List<TermCounts> tr = view(TR, "default"), dv = view(DEV, "default");
        List<TermCounts> pool = new ArrayList<>();
        for (int i = 0; i < UNL.size(); i++) if (!unlDup.contains(i)) pool.add(view(UNL.get(i), 1, 3, true, false));
        for (int i = 0; i < REP.size(); i++) if (!repDup.contains(i)) pool.add(view(REP.get(i), 1, 3, true, false));
        // IDF / vocabulary from train + raw pool (labels only from train)
        {
            double[][] cv = new double[tr.size()][];
            for (int f = 0; f < FOLDS; f++) {
                List<TermCounts> fx = new ArrayList<>(); List<Integer> fy = new ArrayList<>();
                for (int i = 0; i < tr.size(); i++) if (folds[i] != f) { fx.add(tr.get(i)); fy.add(trY[i]); }
                List<TermCounts> sp = new ArrayList<>(fx); sp.addAll(pool);
                FeatureSpace space = FeatureSpace.fit(sp, 2);
                LinearModel m = new LinearTrainer(3, true, 2, 42).train(fx.stream().map(space::vectorize).toList(), fy.stream().mapToInt(Integer::intValue).toArray(), labels.size(), space.dimension());
                for (int i = 0; i < tr.size(); i++) if (folds[i] == f) cv[i] = m.scores(space.vectorize(tr.get(i)));
            }
            List<TermCounts> sp = new ArrayList<>(tr); sp.addAll(pool);
            FeatureSpace space = FeatureSpace.fit(sp, 2);
            LinearModel m = new LinearTrainer(3, true, 2, 42).train(tr.stream().map(space::vectorize).toList(), trY, labels.size(), space.dimension());
            reportRep("IDF/vocabulary from train + raw pool", new Scores(cv, dv.stream().map(t -> m.scores(space.vectorize(t))).toArray(double[][]::new)));
        }
        // very confident self-training: calibrated prob >= thr, one round, from full-train model
        Scores base = scores(tr, dv, Extra.none(), 3, 2);
        double scale = SoftmaxCalibration.fit(base.cv, trY).scale();
        Fitted full = fit(tr, trY, Extra.none(), 3, 2, false);
        for (double thr : new double[] {0.99, 0.95}) {
            List<TermCounts> x = new ArrayList<>(); List<Integer> ys = new ArrayList<>();
            for (TermCounts t : pool) {
                double[] p = new SoftmaxCalibration(scale).probabilities(full.scores(t));
                int c = argmax(p);
                if (p[c] >= thr) { x.add(t); ys.add(c); }
            }
            System.out.println("self-training thr " + thr + ": " + x.size());
            reportRep("self-train one round p>=" + thr, scores(tr, dv, new Extra(x, ys.stream().mapToInt(Integer::intValue).toArray()), 3, 2));
        }
    }
}
