package org.fengqiao.cases.duplicates;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.fengqiao.cases.CaseFilter;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseScope;
import org.fengqiao.cases.CaseStatus;
import org.fengqiao.platform.UntilChanged;
import org.fengqiao.access.Actor;
import org.fengqiao.intelligence.duplicates.DuplicateMatch;
import org.fengqiao.intelligence.duplicates.DuplicatePolicy;
import org.fengqiao.intelligence.duplicates.DuplicateScorer;
import org.fengqiao.intelligence.duplicates.Matter;
import org.fengqiao.intelligence.duplicates.PreparedMatter;
import org.fengqiao.intelligence.duplicates.Reason;
import org.fengqiao.intelligence.duplicates.TermWeights;
import org.fengqiao.intelligence.text.SearchTerms;

/**
 * Open cases that are probably the same matter as a given one (重复件): similar words, the same grid or nearby,
 * registered within the policy's window, the same parties — scored and explained by
 * {@link DuplicateScorer} (see docs/DUPLICATES.md). A dispatcher decides whether to merge or link them.
 *
 * <p>Candidates are the open cases the user may see that share one of the incoming text's most telling words
 * (through the {@link OpenCaseIndex}) or a party's phone or ID number, within the window, newest first. Word weights
 * come from the latest {@value #WEIGHT_SAMPLE} cases and are renewed hourly; a case's prepared words are cached,
 * since its title and body never change after registration.
 */
@Service
public class CaseDuplicates {

    static final int WEIGHT_SAMPLE = 5_000;
    /** The newest open cases sharing a telling word that are scored; scoring prepares (segments) each once. */
    static final int CANDIDATES = 60;
    static final int QUERY_WORDS = 8;
    /**
     * How many open cases sharing a telling word (the newest) are checked against the jurisdiction; a word chosen
     * for being telling is shared by far fewer.
     */
    static final int TEXT_MATCHES = 500;
    public static final int MAX_LIMIT = 20;

    /** A probable duplicate, with why. */
    public record PossibleDuplicate(long caseId, String trackingCode, String title, CaseStatus status,
                                    Instant registeredAt, double score, List<Signal> reasons,
                                    List<String> sharedWords) {
    }

    /**
     * One reason: its code, its measure (text similarity 0–1, metres, shared parties, days) and a Chinese
     * sentence for API readers.
     */
    public record Signal(Reason.Code code, double detail, double contribution, String text) {
    }

    private record Model(DuplicateScorer scorer, Cache<Long, PreparedMatter> prepared) {
    }

    private record Key(org.fengqiao.access.Jurisdiction jurisdiction, long caseId, int limit) {
    }

    /**
     * The cases (the given one included) in which a party of case {@code :partyCase} appears again, by phone or ID
     * number (their keyed hashes, never the clear values): a union of two joins, each on its own index.
     */
    static final String SAME_PARTY_CASES = """
            select p2.case_id from case_party p1 join case_party p2 on p2.phone_hash = p1.phone_hash
            where p1.case_id = :partyCase and p1.phone_hash is not null
            union
            select p2.case_id from case_party p1 join case_party p2 on p2.id_number_hash = p1.id_number_hash
            where p1.case_id = :partyCase and p1.id_number_hash is not null
            """;

    private final JdbcClient jdbc;
    private final CaseQueries queries;
    private final CaseLists lists;
    private final OpenCaseIndex openCases;
    private final LoadingCache<Boolean, Model> model;
    /** Answers are kept until any case changes. */
    private final UntilChanged<Key, List<PossibleDuplicate>> answers;

    CaseDuplicates(JdbcClient jdbc, CaseQueries queries, CaseLists lists, OpenCaseIndex openCases) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.lists = lists;
        this.openCases = openCases;
        this.answers = UntilChanged.of(lists::changeMark, 5_000, Duration.ofMinutes(10));
        this.model = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).build(k -> buildModel());
    }

    /**
     * The open cases most probably the same matter as this one, best first.
     *
     * @throws org.fengqiao.platform.ProblemException.NotFound when the case is not the actor's to see
     */
    public List<PossibleDuplicate> of(Actor actor, long caseId, int limit) {
        queries.requireVisible(actor, caseId);
        return kept(actor, caseId, limit);
    }

    /** The panel beside a case: what the user may do with it, and its probable duplicates. */
    public record Panel(CaseQueries.CaseHandle handle, List<PossibleDuplicate> duplicates) {
    }

    /**
     * {@link #of}, with the case's handle from the same jurisdiction check (one load of the case instead of two).
     *
     * @throws org.fengqiao.platform.ProblemException.NotFound when the case is not the actor's to see
     */
    public Panel panel(Actor actor, long caseId, int limit) {
        CaseQueries.CaseHandle handle = queries.handle(actor, caseId);
        return new Panel(handle, kept(actor, caseId, limit));
    }

    /** The answer for a case the actor may see (checked by the caller), as kept until any case changes. */
    private List<PossibleDuplicate> kept(Actor actor, long caseId, int limit) {
        return answers.get(new Key(actor.jurisdiction(), caseId, limit), key -> find(actor, caseId, limit));
    }

    private List<PossibleDuplicate> find(Actor actor, long caseId, int limit) {
        Model m = model.get(Boolean.TRUE);
        DuplicatePolicy policy = m.scorer().policy();
        Matter incoming = matters(List.of(caseId)).get(caseId);
        PreparedMatter prepared = prepare(m, incoming);
        List<String> words = prepared.all().heaviest(QUERY_WORDS);

        // Candidates sharing a telling word come from the index of open cases, and those sharing a party from the
        // parties table; the database then keeps the newest of them within the user's jurisdiction and window.
        List<List<String>> wordTerms = words.stream()
                .map(w -> SearchTerms.of(w).stream().filter(SearchTerms::isBigram).toList())
                .filter(terms -> !terms.isEmpty()).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("dupCase", caseId);
        params.put("partyCase", caseId);
        params.put("dupOpen", OpenCaseIndex.OPEN);
        params.put("dupFrom", java.sql.Timestamp.from(incoming.at().minus(policy.window())));
        params.put("dupTo", java.sql.Timestamp.from(incoming.at().plus(policy.window())));
        params.put("dupCandidates", CANDIDATES);
        String open = "c.id <> :dupCase and c.status = any(cast(:dupOpen as text[]))"
                + " and c.registered_at between :dupFrom and :dupTo";
        java.util.LinkedHashSet<Long> candidates = new java.util.LinkedHashSet<>();
        List<Long> sharingWords = openCases.matching(wordTerms, incoming.at().minus(policy.window()),
                incoming.at().plus(policy.window()), caseId, TEXT_MATCHES);
        if (!sharingWords.isEmpty()) {
            params.put("dupSharing", sharingWords.toArray(Long[]::new));
            candidates.addAll(candidates(actor, open + " and c.id = any(cast(:dupSharing as bigint[]))", params));
        }
        if (!incoming.partyKeys().isEmpty()) {
            candidates.addAll(candidates(actor, open + " and c.id in ("
                    + SAME_PARTY_CASES + ")", params));
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<Long, Matter> found = matters(List.copyOf(candidates));
        List<PreparedMatter> others = candidates.stream().map(found::get).map(x -> prepare(m, x)).toList();
        List<DuplicateMatch> ranked = m.scorer().rankPrepared(prepared, others, Math.max(1, Math.min(MAX_LIMIT, limit)));
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> facts = new HashMap<>();
        jdbc.sql("select id, tracking_code, title, status, registered_at from cases where id in (:ids)")
                .param("ids", ranked.stream().map(d -> Long.parseLong(d.candidateId())).toList())
                .query(rs -> {
                    facts.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getString(3),
                            CaseStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()});
                });
        return ranked.stream().map(d -> {
            long id = Long.parseLong(d.candidateId());
            Object[] f = facts.get(id);
            return new PossibleDuplicate(id, (String) f[0], (String) f[1], (CaseStatus) f[2], (Instant) f[3],
                    Math.round(d.score() * 1000) / 1000.0, d.reasons().stream().map(r -> new Signal(r.code(),
                    r.detail(), Math.round(r.contribution() * 1000) / 1000.0, r.describe())).toList(),
                    d.sharedWords());
        }).toList();
    }

    /** The newest open cases within the actor's jurisdiction meeting the condition, at most {@value #CANDIDATES}. */
    private List<Long> candidates(Actor actor, String condition, Map<String, Object> params) {
        CaseScope scope = lists.scope(actor, CaseFilter.none()).and(condition, params);
        return scope.bind(jdbc.sql("select c.id from cases c where " + scope.sql()
                + " order by c.registered_at desc limit :dupCandidates")).query(Long.class).list();
    }

    private PreparedMatter prepare(Model m, Matter matter) {
        return m.prepared().get(Long.parseLong(matter.id()), id -> m.scorer().prepare(matter));
    }

    private Model buildModel() {
        List<String> texts = jdbc.sql("select title, description from cases order by id desc limit ?")
                .param(WEIGHT_SAMPLE).query((rs, n) -> DuplicateScorer.joined(rs.getString(1), rs.getString(2)))
                .list();
        TermWeights weights = texts.size() < 50 ? TermWeights.UNIFORM : TermWeights.fromTexts(texts);
        return new Model(new DuplicateScorer(DuplicatePolicy.defaults(), weights),
                Caffeine.newBuilder().maximumSize(50_000).build());
    }

    /** The cases as the scorer sees them: words, time, place and the parties' phone and ID numbers. */
    private Map<Long, Matter> matters(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Set<String>> parties = new HashMap<>();
        jdbc.sql("select case_id, phone_hash, id_number_hash from case_party where case_id in (:ids)")
                .param("ids", ids).query(rs -> {
                    Set<String> keys = parties.computeIfAbsent(rs.getLong(1), k -> new HashSet<>());
                    if (rs.getString(2) != null) {
                        keys.add("phone:" + rs.getString(2));
                    }
                    if (rs.getString(3) != null) {
                        keys.add("id:" + rs.getString(3));
                    }
                });
        Map<Long, Matter> matters = new LinkedHashMap<>();
        jdbc.sql("""
                select id, title, description, registered_at, region_code, grid_code, latitude, longitude
                from cases where id in (:ids)
                """).param("ids", ids).query(rs -> {
            long id = rs.getLong("id");
            matters.put(id, new Matter(Long.toString(id), rs.getString("title"), rs.getString("description"),
                    rs.getTimestamp("registered_at").toInstant(), rs.getString("region_code"),
                    rs.getString("grid_code"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                    parties.getOrDefault(id, Set.of())));
        });
        return matters;
    }
}
