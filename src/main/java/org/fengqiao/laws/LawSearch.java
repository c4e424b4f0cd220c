package org.fengqiao.laws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import org.fengqiao.intelligence.text.ChineseSegmenter;
import org.fengqiao.intelligence.text.TextNormalizer;

/**
 * The articles of a set of laws in a Lucene index held in memory, analysed into Chinese character bigrams (Lucene's
 * {@link CJKAnalyzer}, as the similar-case index): an article is found by its text and, with less weight, by its
 * law's title and chapter headings (相邻关系, 机动车交通事故责任). Immutable once built, so safe for concurrent searches;
 * a new import builds a new one.
 */
public final class LawSearch {

    /** How much a match in the law's title or chapter counts against one in the article's text. */
    static final float HEADING_BOOST = 0.6f;
    /** How many articles the text ranking hands to the dispute-type re-ranking. */
    static final int CANDIDATES = 400;
    /** Weight of an article of one of the dispute type's laws, times the scope's weight (text scores run 0–1). */
    static final double TYPE_WEIGHT = 0.6;
    /** Weight of one of the dispute type's key articles. */
    static final double KEY_WEIGHT = 0.5;
    static final int SHARED_WORDS = 5;
    private static final Pattern CITATION = Pattern.compile("第([零〇一二三四五六七八九十百千]+)条");

    /** An article found, with its law and score. */
    public record Hit(String lawKey, String lawTitle, String shortTitle, LocalDate versionDate, int number,
                      String label, String chapter, String text, double score) {
    }

    /**
     * An article suggested for a dispute, with why: it belongs to a law the dispute type calls for, it is one of the
     * type's key articles, and the words the dispute and the article share (the rarest first).
     */
    public record Suggestion(Hit article, boolean typeLaw, boolean keyArticle, List<String> sharedWords) {
    }

    private record Entry(LawText law, LawText.Article article) {
        Hit hit(double score) {
            return new Hit(law.key(), law.title(), law.shortTitle(), law.versionDate(), article.number(),
                    article.label(), article.chapter(), article.text(), Math.round(score * 1000) / 1000.0);
        }
    }

    private final List<LawText> laws;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Map<Integer, Integer>> byLaw = new HashMap<>();
    private final Analyzer analyzer = new CJKAnalyzer();
    private final IndexSearcher searcher;

    /** HanLP's dictionaries load once per JVM (a second or more), on the first suggestion, not with every index. */
    private static final class Segmenter {
        static final ChineseSegmenter INSTANCE = new ChineseSegmenter();
    }

    private LawSearch(List<LawText> laws) {
        this.laws = List.copyOf(laws);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (LawText law : laws) {
                for (LawText.Article a : law.articles()) {
                    int i = entries.size();
                    entries.add(new Entry(law, a));
                    byLaw.computeIfAbsent(law.shortTitle(), k -> new HashMap<>()).put(a.number(), i);
                    Document doc = new Document();
                    doc.add(new StoredField("i", i));
                    doc.add(new TextField("text", a.text(), Field.Store.NO));
                    doc.add(new TextField("heading", law.shortTitle() + "\n" + (a.chapter() == null ? "" : a.chapter()),
                            Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An index of these laws' articles. */
    public static LawSearch of(List<LawText> laws) {
        return new LawSearch(laws);
    }

    public List<LawText> laws() {
        return laws;
    }

    public int articleCount() {
        return entries.size();
    }

    /**
     * The articles best matching a query, best first. A query naming a law and an article (劳动争议调解仲裁法第十四条)
     * puts that article first.
     */
    public List<Hit> search(String query, int limit) {
        List<Hit> hits = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        Map<Integer, Double> ranked = rank(query, limit + 1);
        double top = ranked.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (int cited : cited(query)) {
            if (seen.add(cited)) {
                hits.add(entries.get(cited).hit(top + 1));
            }
        }
        ranked.forEach((i, score) -> {
            if (seen.add(i)) {
                hits.add(entries.get(i).hit(score));
            }
        });
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    /**
     * The articles most relevant to a dispute: its text ranked against every article (scores scaled to the best
     * match), raised for the articles of the laws its type calls for and for the type's key articles.
     *
     * @param profile the dispute type's laws, or null for text alone
     */
    public List<Suggestion> suggest(String text, DisputeLaws.Profile profile, int limit) {
        Map<Integer, Double> ranked = rank(text, CANDIDATES);
        double top = ranked.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<Integer, Double> scores = new HashMap<>();
        ranked.forEach((i, s) -> scores.put(i, top > 0 ? s / top : 0));
        if (profile != null) {
            for (DisputeLaws.Key key : profile.keys()) {
                Integer i = byLaw.getOrDefault(key.law(), Map.of()).get(key.number());
                if (i != null) {
                    scores.merge(i, 0.0, Double::sum);
                }
            }
        }
        Map<Integer, Double> total = new HashMap<>();
        scores.forEach((i, s) -> {
            Entry e = entries.get(i);
            double bonus = profile == null ? 0
                    : TYPE_WEIGHT * profile.weight(e.law().shortTitle(), e.article().number())
                    + (profile.isKey(e.law().shortTitle(), e.article().number()) ? KEY_WEIGHT : 0);
            total.put(i, s + bonus);
        });
        List<Integer> best = total.keySet().stream()
                .sorted(Comparator.comparingDouble((Integer i) -> -total.get(i)).thenComparingInt(i -> i))
                .limit(Math.max(0, limit)).toList();
        List<String> words = words(text);
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i : best) {
            Entry e = entries.get(i);
            String shortTitle = e.law().shortTitle();
            suggestions.add(new Suggestion(e.hit(total.get(i)),
                    profile != null && profile.weight(shortTitle, e.article().number()) > 0,
                    profile != null && profile.isKey(shortTitle, e.article().number()),
                    shared(words, e.article().text())));
        }
        return suggestions;
    }

    /** The article of a law (its short title, 劳动争议调解仲裁法, or full title) by number. */
    public Optional<Hit> article(String law, int number) {
        String shortTitle = law.startsWith("中华人民共和国") ? law.substring("中华人民共和国".length()) : law;
        Integer i = byLaw.getOrDefault(shortTitle.replace("·", ""), Map.of()).get(number);
        return i == null ? Optional.empty() : Optional.of(entries.get(i).hit(0));
    }

    /** Whether a law of this short title (or full title) is in the index. */
    public boolean hasLaw(String law) {
        String shortTitle = law.startsWith("中华人民共和国") ? law.substring("中华人民共和国".length()) : law;
        return byLaw.containsKey(shortTitle.replace("·", ""));
    }

    /** Articles a query cites by law and number, e.g. 人民调解法第三十三条. */
    private List<Integer> cited(String query) {
        List<Integer> found = new ArrayList<>();
        Matcher m = CITATION.matcher(query);
        while (m.find()) {
            int number = ChineseNumber.parse(m.group(1));
            String before = query.substring(0, m.start());
            byLaw.entrySet().stream().filter(law -> before.contains(law.getKey()))
                    .max(Comparator.comparingInt(law -> law.getKey().length()))
                    .map(law -> law.getValue().get(number)).ifPresent(found::add);
        }
        return found;
    }

    /** Entry index → BM25 score of the best matches to a text, best first. */
    private Map<Integer, Double> rank(String text, int limit) {
        Map<Integer, Double> ranked = new java.util.LinkedHashMap<>();
        Set<String> terms = terms(text);
        if (terms.isEmpty() || limit <= 0) {
            return ranked;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String t : terms) {
            query.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term("heading", t)), HEADING_BOOST), BooleanClause.Occur.SHOULD);
        }
        try {
            var stored = searcher.storedFields();
            for (ScoreDoc d : searcher.search(query.build(), limit).scoreDocs) {
                ranked.put(stored.document(d.doc).getField("i").numericValue().intValue(), (double) d.score);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ranked;
    }

    /** The distinct terms (bigrams) of a text, at most 400 (BooleanQuery allows 1,024 clauses, two per term). */
    private Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < 400) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The words of a text that may explain a match: two characters or more. */
    private List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : Segmenter.INSTANCE.words(TextNormalizer.normalize(text))) {
            if (w.codePointCount(0, w.length()) >= 2 && w.codePoints().allMatch(Character::isLetter)) {
                words.add(w);
            }
        }
        return List.copyOf(words);
    }

    /** The dispute's words the article contains, the rarest among all articles first, at most {@link #SHARED_WORDS}. */
    private List<String> shared(List<String> words, String article) {
        return words.stream().filter(article::contains)
                .sorted(Comparator.comparingInt(this::articlesContaining)
                        .thenComparing(Comparator.comparingInt(String::length).reversed()))
                .limit(SHARED_WORDS).toList();
    }

    /** In how many articles a word's rarest bigram occurs: fewer means the word says more. */
    private int articlesContaining(String word) {
        int least = Integer.MAX_VALUE;
        try {
            for (String t : terms(word)) {
                least = Math.min(least, searcher.getIndexReader().docFreq(new Term("text", t)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return least;
    }
}
