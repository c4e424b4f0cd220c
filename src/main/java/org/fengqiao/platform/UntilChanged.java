package org.fengqiao.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A cache of answers computed from data that changes (the cases: {@code CaseLists.changeMark}), each kept until
 * the data changes: an answer is kept under its key with the change mark read before it was computed (a number
 * that grows with every change), so the first question after a change computes afresh.
 *
 * <p>Reports, panels and counters that many users ask for the same way (measures, tray counts, probable
 * duplicates, similar cases, the map, hot topics) use it so that repeated views cost one index-only query. Keys
 * must carry everything the answer depends on besides the cases — at least the asker's jurisdiction. Thread-safe;
 * a key asked concurrently is computed once.
 *
 * <p>Where an answer may lag a little behind the cases — a county's statistics, not a worker's tray — a cache made
 * by {@link #atMostBehind} serves the answer it holds for up to the given time after it was computed even when
 * cases changed since; once the answer is half that old, a view after a change has the new one computed in the
 * background, by one thread for all such caches. In a county where cases change every few seconds, viewers then
 * never wait for the aggregation each change would otherwise start, and the aggregations do not all run at once.
 * The answer should tell when it was computed, so that the page can say "as of".
 *
 * <p>An answer may also be held outside the JVM — in the database, computed by another instance or by a
 * scheduled warm-up before people ask for it ({@link #get(Object, Function, Function)}): on a miss it is taken as
 * held, and served like an answer computed here at the moment it is taken, under the change mark it was computed
 * under; if it is older than half the lag and cases changed since, it is computed anew in the background at once.
 *
 * @param <K> what the answer depends on besides the cases
 * @param <V> the answer
 */
public final class UntilChanged<K, V> {

    /**
     * An answer, the change mark it was computed under, when this cache took it (computed it, or took it as held
     * elsewhere) and from when a view after a change has it renewed in the background.
     */
    private record Kept<V>(V value, long changeMark, java.time.Instant takenAt, java.time.Instant renewFrom) {
    }

    /**
     * An answer held outside this cache (the database), the change mark it was computed under, and when it was
     * computed.
     */
    public record Held<V>(V value, long changeMark, java.time.Instant computedAt) {
    }

    /**
     * Computes lagging answers anew in the background, one at a time (a daemon thread shared by every cache of the
     * JVM: a task queued by an application context that has since closed fails, is logged and changes nothing).
     */
    private static final java.util.concurrent.ExecutorService REFRESHER = java.util.concurrent.Executors
            .newSingleThreadExecutor(Thread.ofPlatform().name("answer-refresh").daemon().factory());

    private final LongSupplier changeMark;
    /** The latest answer of each key. */
    private final Cache<K, Kept<V>> latest;
    /** How long an answer is kept at most. */
    private final Duration lifetime;
    /** How long after a change an answer may still be served (zero: not at all). */
    private final Duration behind;
    private final java.time.Clock clock;
    /** The keys being computed in the background. */
    private final java.util.Set<K> refreshing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private UntilChanged(LongSupplier changeMark, long maximumSize, Duration lifetime, Duration behind,
                             java.time.Clock clock) {
        if (behind.isNegative() || behind.compareTo(lifetime) > 0) {
            throw new IllegalArgumentException("an answer may lag by 0 up to its lifetime, not " + behind);
        }
        this.changeMark = Objects.requireNonNull(changeMark);
        // Caffeine drops an answer after its lifetime of real, monotonic time; get() also refuses one that has
        // outlived it on the application's clock, or that the clock has stepped back before
        this.latest = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(lifetime).build();
        this.lifetime = lifetime;
        this.behind = behind;
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param maximumSize how many answers to keep at most
     * @param lifetime    how long an answer is kept at most even when no case changes (for answers that also
     *                    move with the clock, or to give the room back)
     */
    public static <K, V> UntilChanged<K, V> of(LongSupplier changeMark, long maximumSize, Duration lifetime) {
        return new UntilChanged<>(changeMark, maximumSize, lifetime, Duration.ZERO, java.time.Clock.systemUTC());
    }

    /**
     * A cache whose answers may be up to {@code behind} older than the latest change to a case (see above).
     *
     * @param lifetime how long an answer is kept at most (also when no case changes); longer than {@code behind}
     * @param clock    the time the age of an answer is measured with (its lifetime also on real time)
     */
    public static <K, V> UntilChanged<K, V> atMostBehind(LongSupplier changeMark, long maximumSize, Duration lifetime,
                                                             Duration behind, java.time.Clock clock) {
        return new UntilChanged<>(changeMark, maximumSize, lifetime, behind, clock);
    }

    /**
     * The answer for {@code key} as of the current change mark, computed by {@code compute} if not kept; for a
     * cache made by {@link #atMostBehind}, possibly one computed before the latest changes but not longer ago than
     * the cache allows, while the current one is computed in the background.
     */
    public V get(K key, Function<? super K, ? extends V> compute) {
        return get(key, compute, k -> null);
    }

    /**
     * {@link #get(Object, Function)}, but an answer not kept here is first looked for with {@code elsewhere} (null:
     * none held): taken from there when it is as new as the cases, or — in a cache made by {@link #atMostBehind} —
     * when any is held (served as if computed now, renewed in the background at once when older than half the
     * lag).
     * {@code compute} should put what it computes where {@code elsewhere} finds it.
     */
    public V get(K key, Function<? super K, ? extends V> compute, Function<? super K, Held<V>> elsewhere) {
        long mark = changeMark.getAsLong();
        java.time.Instant now = clock.instant();
        Kept<V> kept = alive(latest.getIfPresent(key), now);
        if (kept == null) {
            Held<V> h = elsewhere.apply(key);
            if (h != null && (h.changeMark() >= mark || !behind.isZero())) {
                Kept<V> taken = new Kept<>(h.value(), h.changeMark(), now, h.computedAt().plus(behind.dividedBy(2)));
                kept = latest.asMap().merge(key, taken, (older, fresh) -> alive(older, now) != null
                        && older.changeMark() >= fresh.changeMark() ? older : fresh);
            }
        }
        if (kept != null && kept.changeMark() >= mark) {
            return kept.value();
        }
        if (kept != null && !behind.isZero() && !now.isAfter(kept.takenAt().plus(behind))) {
            // renewed once it is half as old as allowed, one answer at a time: a burst of changes does not set
            // every report recomputing at once on a server whose cores serve the pages
            if (!now.isBefore(kept.renewFrom()) && refreshing.add(key)) {
                // the language as a value: the request's own locale context dies with the request
                java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
                REFRESHER.execute(() -> InLocale.run(locale, () -> {
                    try {
                        // a renewal that ended after this viewer read the answer may already have done the work
                        Kept<V> held = latest.getIfPresent(key);
                        if (held != null && held.changeMark() >= mark) {
                            return;
                        }
                        // a viewer may have computed a newer one meanwhile (this one took too long): keep the newer
                        latest.asMap().merge(key, computed(key, compute),
                                (older, fresh) -> fresh.changeMark() > older.changeMark() ? fresh : older);
                    } catch (RuntimeException e) {
                        // the answer held stays until it is too old; then a viewer computes it
                        org.slf4j.LoggerFactory.getLogger(UntilChanged.class)
                                .warn("could not compute an answer anew in the background", e);
                    } finally {
                        refreshing.remove(key);
                    }
                }));
            }
            return kept.value();
        }
        return latest.asMap().compute(key, (k, old) -> alive(old, now) != null && old.changeMark() >= mark
                ? old : computed(k, compute)).value();
    }

    /** The answer if it has not outlived its lifetime on the clock (null otherwise, or if there is none). */
    private Kept<V> alive(Kept<V> kept, java.time.Instant now) {
        return kept == null || now.isBefore(kept.takenAt()) || !now.isBefore(kept.takenAt().plus(lifetime))
                ? null : kept;
    }

    private Kept<V> computed(K key, Function<? super K, ? extends V> compute) {
        long mark = changeMark.getAsLong(); // read before the cases, so the answer is at least as new as the mark
        java.time.Instant at = clock.instant();
        return new Kept<>(compute.apply(key), mark, at, at.plus(behind.dividedBy(2)));
    }
}
