package org.fengqiao.cases;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A cache of answers computed from cases, each kept until any case changes: an answer is filed under its key and
 * the {@link CaseQueries#changeMark() change mark} current when it was asked, so the first question after a
 * change computes afresh and older entries are never read again (they only take room until evicted).
 *
 * <p>Reports, panels and counters that many users ask for the same way (measures, tray counts, probable
 * duplicates, similar cases, the map, hot topics) use it so that repeated views cost one index-only query. Keys
 * must carry everything the answer depends on besides the cases — at least the asker's jurisdiction. Thread-safe;
 * a key asked concurrently is computed once.
 *
 * @param <K> what the answer depends on besides the cases
 * @param <V> the answer
 */
public final class UntilCasesChange<K, V> {

    private record Filed<K>(K key, long changeMark) {
    }

    private final CaseQueries cases;
    private final Cache<Filed<K>, V> answers;

    private UntilCasesChange(CaseQueries cases, Cache<Filed<K>, V> answers) {
        this.cases = cases;
        this.answers = answers;
    }

    /**
     * @param maximumSize how many answers to keep at most
     * @param lifetime    how long an answer is kept at most even when no case changes (for answers that also
     *                    move with the clock, or to give the room back)
     */
    public static <K, V> UntilCasesChange<K, V> of(CaseQueries cases, long maximumSize, Duration lifetime) {
        return new UntilCasesChange<>(Objects.requireNonNull(cases),
                Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(lifetime).build());
    }

    /** The answer for {@code key} as of the current change mark, computed by {@code compute} if not kept. */
    public V get(K key, Function<? super K, ? extends V> compute) {
        return answers.get(new Filed<>(key, cases.changeMark()), filed -> compute.apply(filed.key()));
    }
}
