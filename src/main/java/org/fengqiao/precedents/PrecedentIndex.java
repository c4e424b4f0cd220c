package org.fengqiao.precedents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The closed cases' texts in a {@link org.fengqiao.cases.LiveCaseIndex} (a Lucene index held in memory, caught up
 * with the case event log before each search: a case closed, reopened, merged…), analysed into Chinese character
 * bigrams by Lucene's {@link CJKAnalyzer}. Losing it loses nothing: it is rebuilt from the database.
 */
@Component
class PrecedentIndex implements org.fengqiao.cases.LiveCaseIndex.Source {

    /** Statuses of a case that has an outcome and may serve as a reference. */
    static final List<String> CLOSED = List.of(org.fengqiao.cases.CaseStatus.names(
            org.fengqiao.cases.CaseStatus::hasOutcome));
    /** The SQL condition on {@code cases c} of a case that may serve as a reference; binds {@link #CLOSED_PARAM}. */
    static final String IS_REFERENCE = "c.status in (:closedStatuses) and c.outcome is not null";
    /** The parameter of {@link #IS_REFERENCE}, to be bound to {@link #CLOSED}. */
    static final String CLOSED_PARAM = "closedStatuses";
    /**
     * A query keeps this many of its terms, the rarest in the index: they decide the ranking, while the common ones
     * (双方, 反映, 村民) would only make the search walk most of the index.
     */
    static final int MAX_QUERY_TERMS = 32;
    /**
     * A term found in more than this share of the indexed cases is left out of a query (it barely moves a BM25
     * ranking, yet its long posting list is what a search spends its time on), unless the query would keep fewer
     * than {@link #MIN_QUERY_TERMS} or the text repeats it (the title's terms: the title is indexed twice, see
     * {@link #textOf}); the re-ranking by cosine similarity still sees every term.
     */
    static final double COMMON_TERM_SHARE = 0.05;
    /** A query keeps at least this many of its terms (the rarest), common or not. */
    static final int MIN_QUERY_TERMS = 8;
    /** How much of a description the index reads (see {@link #textOf}). */
    static final int MAX_DESCRIPTION = 1_000;

    private final JdbcClient jdbc;
    private final Analyzer analyzer = new CJKAnalyzer();
    /** Document frequencies of the terms asked for, per state of the index (a reader): never older than it. */
    private final com.github.benmanes.caffeine.cache.Cache<Frequency, Integer> frequencies =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(200_000).build();

    /** A term's frequency in one state of the index. */
    private record Frequency(Object reader, String term) {
    }
    /** At most about {@value #VECTOR_TERMS} terms' worth of case vectors (some 40 MB). */
    private static final long VECTOR_TERMS = 3_000_000;
    private final com.github.benmanes.caffeine.cache.Cache<Long, TermVector> vectors =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumWeight(VECTOR_TERMS)
                    .weigher((Long id, TermVector v) -> 1 + v.size()).build();
    private final org.fengqiao.cases.LiveCaseIndex index;

    /** The first build's reads: streamed in a read-only transaction, never the whole history in memory at once. */
    private final JdbcClient streaming;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    PrecedentIndex(JdbcClient jdbc, javax.sql.DataSource dataSource,
                   org.springframework.transaction.support.TransactionTemplate transactions,
                   org.fengqiao.cases.LiveCaseIndexes indexes) {
        this.jdbc = jdbc;
        org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.setFetchSize(2_000);
        this.streaming = JdbcClient.create(template);
        this.transactions = transactions;
        this.index = indexes.index("precedent-index", jdbc, analyzer, this);
    }

    /** The documents: id, the text (title twice, then the description clipped), CJK bigrams. */
    @Override
    public String format() {
        return "precedent-1";
    }

    @org.springframework.context.event.EventListener({org.springframework.boot.context.event.ApplicationReadyEvent.class,
            org.springframework.context.event.ContextClosedEvent.class})
    void followTheApplication(org.springframework.context.ApplicationEvent event) {
        index.follow(event);
    }

    /** A case the index ranked, with its BM25 score. */
    record Hit(long caseId, float score) {
    }

    /**
     * The indexed cases closest to a text given by its {@link #termCounts}, best first.
     *
     * @param exclude a case never to return (the one being looked at), or -1
     */
    List<Hit> search(Map<String, Integer> textCounts, long exclude, int limit) {
        if (textCounts.isEmpty()) {
            return List.of();
        }
        return index.searchWithoutWaiting(searcher -> {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            IndexReader reader = searcher.getIndexReader();
            // maxDoc, not numDocs: a term's document frequency counts the replaced copies of re-indexed cases until
            // they are merged away, so its share must be taken of all documents including them
            queryTerms(textCounts, reader.maxDoc(), term -> documentFrequency(reader, term))
                    .forEach(t -> query.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD));
            List<Hit> hits = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc d : searcher.search(query.build(), limit + 1).scoreDocs) {
                long id = stored.document(d.doc).getField("id").numericValue().longValue();
                if (id != exclude && hits.size() < limit) {
                    hits.add(new Hit(id, d.score));
                }
            }
            return hits;
        });
    }

    /** {@link #queryTerms(Map, int, java.util.function.ToIntFunction)} of a text that names each term once. */
    static List<String> queryTerms(List<String> terms, int indexedCases,
                                   java.util.function.ToIntFunction<String> documentFrequency) {
        Map<String, Integer> once = new LinkedHashMap<>();
        terms.forEach(t -> once.put(t, 1));
        return queryTerms(once, indexedCases, documentFrequency);
    }

    /**
     * The terms a query searches for: those in the index, the most telling first (BM25's weight: how often the text
     * has the term, times how rare it is), at most {@link #MAX_QUERY_TERMS}, without the
     * {@link #COMMON_TERM_SHARE common} ones the text names only once beyond the first {@link #MIN_QUERY_TERMS}.
     *
     * <p>A term the text repeats names its matter (the title is indexed twice): it stays in the query however common
     * it has become. Dropping it, as the query once did, made a case's similar cases vanish as soon as enough closed
     * cases (or replaced copies of re-indexed ones) shared its topic's words, while a search for those few words still
     * found them.
     *
     * @param indexedCases the documents a frequency is a share of
     */
    static List<String> queryTerms(Map<String, Integer> textCounts, int indexedCases,
                                   java.util.function.ToIntFunction<String> documentFrequency) {
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, Double> weight = new HashMap<>();
        for (Map.Entry<String, Integer> e : textCounts.entrySet()) {
            int df = documentFrequency.applyAsInt(e.getKey());
            frequency.put(e.getKey(), df);
            weight.put(e.getKey(), e.getValue() * Math.log(1 + (indexedCases - df + 0.5) / (df + 0.5)));
        }
        int common = (int) Math.ceil(indexedCases * COMMON_TERM_SHARE);
        List<String> mostTellingFirst = textCounts.keySet().stream().filter(t -> frequency.get(t) > 0)
                .sorted(java.util.Comparator.comparingDouble((String t) -> -weight.get(t))
                        .thenComparingInt(frequency::get))
                .toList();
        List<String> kept = new ArrayList<>();
        for (String term : mostTellingFirst) {
            if (kept.size() == MAX_QUERY_TERMS) {
                break;
            }
            if (kept.size() < MIN_QUERY_TERMS || frequency.get(term) <= common || textCounts.get(term) > 1) {
                kept.add(term);
            }
        }
        return kept;
    }

    /**
     * In how many indexed cases each word occurs, as far as bigrams tell (a word's rarest bigram): fewer means the
     * word says more about a match.
     */
    Map<String, Integer> documentFrequencies(java.util.Collection<String> words) {
        return index.search(searcher -> {
            Map<String, Integer> frequencies = new HashMap<>();
            for (String word : words) {
                int least = Integer.MAX_VALUE;
                for (String term : terms(word)) {
                    least = Math.min(least, documentFrequency(searcher.getIndexReader(), term));
                }
                frequencies.put(word, least);
            }
            return frequencies;
        });
    }

    /** How many documents the index holds, replaced copies not yet merged away included (what frequencies count). */
    int documents() {
        return index.search(searcher -> searcher.getIndexReader().maxDoc());
    }

    /** The distinct bigrams (and other tokens) the index sees in a text, in order of appearance. */
    Set<String> terms(String text) {
        return termCounts(text).keySet();
    }

    /**
     * The term counts of a case's text ({@link #textOf}), kept for the cases compared most recently: a case's title
     * and description never change after registration, and re-ranking compares each query with dozens of them.
     */
    TermVector vector(long caseId, String title, String description) {
        return vectors.get(caseId, id -> TermVector.of(termCounts(textOf(title, description))));
    }

    /**
     * How often each bigram (or other token) the index sees occurs in a text, in order of first appearance: for
     * comparing two texts, and as the terms of a search.
     */
    Map<String, Integer> termCounts(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return counts;
        }
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    @Override
    public void put(org.fengqiao.cases.LiveCaseIndex.Writer writer, List<Long> ids) {
        // only the start of a description is indexed (textOf): the rest is not even read. The first build (all
        // closed cases: a million rows at province scale) streams them, 2,000 rows at a time, in a read-only
        // transaction; before, the driver held the whole result in memory until the last row had arrived
        String select = "select c.id, c.title, left(c.description, " + MAX_DESCRIPTION + ") from case_report c where "
                + IS_REFERENCE;
        org.springframework.jdbc.core.RowCallbackHandler add = rs -> {
            long id = rs.getLong(1);
            Document doc = new Document();
            doc.add(new StoredField("id", id));
            doc.add(new TextField("text", textOf(rs.getString(2), rs.getString(3)), Field.Store.NO));
            writer.put(id, doc);
        };
        if (ids == null) {
            transactions.executeWithoutResult(status -> streaming.sql(select).param(CLOSED_PARAM, CLOSED).query(add));
        } else {
            jdbc.sql(select + " and c.id in (:ids)").param(CLOSED_PARAM, CLOSED).param("ids", ids).query(add);
        }
    }

    /**
     * The text of a case as the index sees it: the title twice (it names the matter) and the start of the
     * description, at most {@value #MAX_DESCRIPTION} characters: what a request is about is told at its start,
     * and the rest of a long letter only costs time in every search and comparison.
     */
    static String textOf(String title, String description) {
        String t = title == null ? "" : title;
        String d = description == null ? "" : description;
        return t + "\n" + t + "\n" + (d.length() > MAX_DESCRIPTION ? d.substring(0, MAX_DESCRIPTION) : d);
    }

    /**
     * In how many indexed documents a term occurs, as of the reader's state of the index. Searches ask this for
     * every term of a text; the answers are kept for that state (they were once kept for five minutes whatever the
     * index did, so a query could be chosen by frequencies minutes older than the index it ran on).
     */
    int documentFrequency(IndexReader reader, String term) {
        var helper = reader.getReaderCacheHelper();
        Object state = helper == null ? reader : helper.getKey();
        return frequencies.get(new Frequency(state, term), f -> {
            try {
                return reader.docFreq(new Term("text", f.term()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
