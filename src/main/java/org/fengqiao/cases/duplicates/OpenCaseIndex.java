package org.fengqiao.cases.duplicates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.cases.CaseStatus;
import org.fengqiao.cases.LiveCaseIndex;
import org.fengqiao.intelligence.text.SearchTerms;

/**
 * The open cases' search terms (the same {@link SearchTerms} as the database's term index) in a {@link LiveCaseIndex},
 * for finding the probable duplicates of a case. Open cases are a small share of all cases, and in the database's
 * term index a telling word mostly matches closed ones, which each had to be looked up and discarded (30–100 ms
 * per case page with 100,000 cases); here only open cases are searched. It only proposes candidates; the database
 * then keeps those within the user's jurisdiction.
 */
@Component
class OpenCaseIndex implements LiveCaseIndex.Source {

    /** Open statuses: where a new report of the same matter should be merged instead of handled twice. */
    static final String[] OPEN = CaseStatus.names(CaseStatus::isOpen);
    /** Whether a case has a term is all a search asks: no frequencies, no positions. */
    private static final FieldType TERMS = new FieldType();

    static {
        TERMS.setIndexOptions(IndexOptions.DOCS);
        TERMS.setTokenized(true);
        TERMS.setOmitNorms(true);
        TERMS.freeze();
    }

    private final JdbcClient jdbc;
    private final LiveCaseIndex index;

    OpenCaseIndex(JdbcClient jdbc, org.fengqiao.cases.LiveCaseIndexes indexes) {
        this.jdbc = jdbc;
        this.index = indexes.index("open-case-index", jdbc, new WhitespaceAnalyzer(), this);
    }

    /** The documents: id, registration time (point and doc values), the search terms (documents only). */
    @Override
    public String format() {
        return "open-case-1";
    }

    @org.springframework.context.event.EventListener({org.springframework.boot.context.event.ApplicationReadyEvent.class,
            org.springframework.context.event.ContextClosedEvent.class})
    void followTheApplication(org.springframework.context.ApplicationEvent event) {
        index.follow(event);
    }

    /**
     * The open cases registered between {@code from} and {@code to} whose terms contain all the terms of at least
     * one of the words, newest first.
     *
     * @param words   each word as the terms it must all have (pairs of Chinese characters)
     * @param exclude a case never to return, or -1
     */
    List<Long> matching(List<List<String>> words, Instant from, Instant to, long exclude, int limit) {
        BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
        int clauses = 0;
        for (List<String> terms : words) {
            if (terms.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder allTerms = new BooleanQuery.Builder();
            terms.forEach(t -> allTerms.add(new TermQuery(new Term("terms", t)), BooleanClause.Occur.FILTER));
            anyWord.add(allTerms.build(), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        if (clauses == 0) {
            return List.of();
        }
        BooleanQuery query = new BooleanQuery.Builder()
                .add(anyWord.build(), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery("at", from.toEpochMilli(), to.toEpochMilli()), BooleanClause.Occur.FILTER)
                .build();
        return index.search(searcher -> {
            List<Long> ids = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc d : searcher.search(query, limit + 1,
                    new Sort(new SortField("at", SortField.Type.LONG, true))).scoreDocs) {
                long id = stored.document(d.doc).getField("id").numericValue().longValue();
                if (id != exclude && ids.size() < limit) {
                    ids.add(id);
                }
            }
            return ids;
        });
    }

    @Override
    public void put(LiveCaseIndex.Writer writer, List<Long> ids) {
        var sql = jdbc.sql("select c.id, c.registered_at, t.search_terms from cases c"
                + " join case_text t on t.case_id = c.id where c.status = any(cast(:open as text[]))"
                + (ids == null ? "" : " and c.id in (:ids)")).param("open", OPEN);
        if (ids != null) {
            sql = sql.param("ids", ids);
        }
        sql.query(rs -> {
            long id = rs.getLong(1);
            long at = rs.getTimestamp(2).toInstant().toEpochMilli();
            Document doc = new Document();
            doc.add(new StoredField("id", id));
            doc.add(new LongPoint("at", at));
            doc.add(new NumericDocValuesField("at", at));
            // the words only: the region terms (kept for searches within a region) would make neighbours alike
            doc.add(new Field("terms", java.util.Arrays.stream((String[]) rs.getArray(3).getArray())
                    .filter(t -> !org.fengqiao.cases.RegionTerms.isRegionTerm(t))
                    .collect(java.util.stream.Collectors.joining(" ")), TERMS));
            writer.put(id, doc);
        });
    }
}
