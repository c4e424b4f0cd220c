package org.fengqiao.precedents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseViews.CaseText;
import org.fengqiao.cases.CaseScope;
import org.fengqiao.platform.UntilChanged;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.intelligence.text.ChineseSegmenter;
import org.fengqiao.intelligence.text.TextNormalizer;
import org.fengqiao.platform.ProblemException;

/**
 * Finds the closed cases closest to a case or to a search text, among those the user may see.
 *
 * <p>The index ranks all closed cases; the database then keeps only those within the user's jurisdiction (the
 * same condition as every list), so a case outside it is never shown, counted or hinted at. For a case, the
 * candidates are re-ranked by the cosine similarity of their character-bigram counts, which reads as a
 * percentage; those below {@value #MIN_SIMILARITY} are not offered.
 */
@Service
public class Precedents {

    public static final int MAX_LIMIT = 20;
    public static final int MAX_QUERY_LENGTH = 200;
    /** Cases less similar than this are not offered as references. */
    static final double MIN_SIMILARITY = 0.12;
    /** How many of the index's best candidates are checked against the jurisdiction. */
    static final int CANDIDATES = 50;
    static final int SHARED_TERMS = 6;

    private final PrecedentIndex index;
    private final CaseQueries cases;
    private final CaseLists lists;
    private final Categories categories;
    private final JdbcClient jdbc;
    private final ChineseSegmenter segmenter = new ChineseSegmenter();
    /** Answers for a case, kept until any case changes. */
    private final UntilChanged<Key, List<Precedent>> answers;

    private record Key(org.fengqiao.access.Jurisdiction jurisdiction, long caseId, int limit, boolean resolvedOnly) {
    }

    Precedents(PrecedentIndex index, CaseQueries cases, CaseLists lists, Categories categories, JdbcClient jdbc) {
        this.index = index;
        this.cases = cases;
        this.lists = lists;
        this.answers = UntilChanged.of(lists::changeMark, 5_000, java.time.Duration.ofMinutes(10));
        this.categories = categories;
        this.jdbc = jdbc;
    }

    /**
     * The closed cases most like this one, most similar first.
     *
     * @throws ProblemException.NotFound if the case does not exist or lies outside the user's jurisdiction
     */
    public List<Precedent> similarTo(Actor actor, long caseId, int limit, boolean resolvedOnly) {
        cases.requireVisible(actor, caseId);
        return answers.get(new Key(actor.jurisdiction(), caseId, limit, resolvedOnly),
                key -> find(actor, caseId, limit, resolvedOnly));
    }

    private List<Precedent> find(Actor actor, long caseId, int limit, boolean resolvedOnly) {
        CaseText c = cases.titleAndDescription(actor, caseId);
        String text = PrecedentIndex.textOf(c.title(), c.description());
        Map<String, Integer> counts = index.termCounts(text);
        TermVector mine = TermVector.of(counts);
        List<Long> ids = index.search(counts, caseId, CANDIDATES).stream().map(PrecedentIndex.Hit::caseId)
                .toList();
        Map<Long, Double> similarity = new HashMap<>();
        for (Candidate candidate : visible(actor, ids, resolvedOnly)) {
            double s = mine.cosine(index.vector(candidate.id(), candidate.title(), candidate.description()));
            if (s >= MIN_SIMILARITY) {
                similarity.put(candidate.id(), Math.round(s * 1000) / 1000.0);
            }
        }
        List<Long> best = similarity.keySet().stream()
                .sorted(Comparator.comparingDouble((Long id) -> -similarity.get(id)).thenComparingLong(id -> id))
                .limit(clamp(limit)).toList();
        return precedents(best, text, similarity);
    }

    /** Closed cases matching a free text (a few words or a sentence), best match first. */
    public List<Precedent> search(Actor actor, String query, int limit, boolean resolvedOnly) {
        if (query == null || query.isBlank()) {
            throw new ProblemException.InvalidInput("q", "precedents.queryMissing");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new ProblemException.InvalidInput("q", "precedents.queryTooLong", MAX_QUERY_LENGTH);
        }
        List<Long> ranked = index.search(index.termCounts(query), -1, CANDIDATES).stream()
                .map(PrecedentIndex.Hit::caseId).toList();
        Set<Long> visible = new java.util.HashSet<>();
        visible(actor, ranked, resolvedOnly).forEach(candidate -> visible.add(candidate.id()));
        return precedents(ranked.stream().filter(visible::contains).limit(clamp(limit)).toList(), query, Map.of());
    }

    /** A closed case the index offered that the user may see, with the text it is compared by. */
    private record Candidate(long id, String title, String description) {
    }

    /**
     * Those of the cases that lie within the user's jurisdiction (the same condition as every list) and are closed,
     * in no particular order. Only what the comparison needs is read: the facts of the few shown are read after.
     */
    private List<Candidate> visible(Actor actor, List<Long> ids, boolean resolvedOnly) {
        if (ids.isEmpty()) {
            return List.of();
        }
        CaseScope scope = lists.scope(actor, CaseFilter.none()).and(
                "c.id in (:precedentIds) and " + PrecedentIndex.IS_REFERENCE + (resolvedOnly ? " and c.resolved" : ""),
                Map.of("precedentIds", ids, PrecedentIndex.CLOSED_PARAM, PrecedentIndex.CLOSED));
        return scope.bind(jdbc.sql("select c.id, c.title, left(c.description, " + PrecedentIndex.MAX_DESCRIPTION
                        + ") as description from case_report c where " + scope.sql()))
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("title"), rs.getString("description")))
                .list();
    }

    /**
     * The cases to show, in the given order, with their outcome, who closed them and the words they share with the
     * text. The ids must come from {@link #visible}.
     */
    private List<Precedent> precedents(List<Long> ids, String text, Map<Long, Double> similarity) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Row> rows = new HashMap<>();
        rows(ids).forEach(r -> rows.put(r.id(), r));
        List<Row> shown = ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
        Set<String> mine = words(text);
        Map<Long, List<String>> both = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (Row r : shown) {
            Set<String> theirs = words(PrecedentIndex.textOf(r.title(), r.description()));
            List<String> common = mine.stream().filter(theirs::contains).toList();
            both.put(r.id(), common);
            all.addAll(common);
        }
        Map<String, Integer> frequency = index.documentFrequencies(all);
        return shown.stream().map(r -> r.precedent(similarity.get(r.id()), mostTelling(both.get(r.id()), frequency)))
                .toList();
    }

    private record Row(long id, String trackingCode, String title, String description, String categoryCode,
                       String outcome, Boolean resolved, java.time.Instant closedAt, String unit, String closedBy,
                       String mediators, String summary, String category) {

        Precedent precedent(Double similarity, List<String> sharedTerms) {
            return new Precedent(id, trackingCode, title, category, outcome, resolved, closedAt, unit, closedBy,
                    mediators, summary, similarity, sharedTerms);
        }
    }

    private List<Row> rows(List<Long> ids) {
        return jdbc.sql("""
                select c.id, c.tracking_code, c.title, c.description, c.category_code, c.outcome, c.resolved,
                       c.closed_at, hu.name as unit,
                       closer.display_name || coalesce('（' || closer_unit.name || '）', '') as closed_by,
                       closing.reason as summary,
                       (select string_agg(distinct m.mediators, '、') from case_mediation_report m where m.case_id = c.id)
                           as mediators
                from case_report c
                left join unit hu on hu.id = c.handling_unit
                left join lateral (
                    select e.actor_user_id, e.actor_unit_id, e.reason from case_event_report e
                    where e.case_id = c.id and e.type = 'CaseClosed' order by e.id desc limit 1) closing on true
                left join staff_user closer on closer.id = closing.actor_user_id
                left join unit closer_unit on closer_unit.id = closing.actor_unit_id
                where c.id = any(cast(:ids as bigint[])) and\s""" + PrecedentIndex.IS_REFERENCE)
                .param("ids", ids.toArray(Long[]::new)).param(PrecedentIndex.CLOSED_PARAM, PrecedentIndex.CLOSED)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("tracking_code"),
                rs.getString("title"), rs.getString("description"), rs.getString("category_code"),
                rs.getString("outcome"), (Boolean) rs.getObject("resolved"),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
                rs.getString("unit"), rs.getString("closed_by"), rs.getString("mediators"), rs.getString("summary"),
                categoryName(rs.getString("category_code")))).list();
    }

    private String categoryName(String code) {
        return code == null ? null : categories.find(code).map(Category::path).orElse(code);
    }

    /** The words of a text that may explain a match: two characters or more, in order of appearance. */
    private Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : segmenter.words(TextNormalizer.normalize(text))) {
            if (w.codePointCount(0, w.length()) >= 2 && w.codePoints().anyMatch(Character::isLetter)) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * The words both texts contain that say most — the rarest among the closed cases, then the longest — at most
     * {@value #SHARED_TERMS}.
     */
    private static List<String> mostTelling(List<String> both, Map<String, Integer> frequency) {
        return both.stream()
                .sorted(Comparator.comparingInt((String w) -> frequency.get(w))
                        .thenComparing(Comparator.comparingInt(String::length).reversed()))
                .limit(SHARED_TERMS).toList();
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }
}
