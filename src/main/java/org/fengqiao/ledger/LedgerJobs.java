package org.fengqiao.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.fengqiao.access.Actor;
import org.fengqiao.platform.ProblemException;

/**
 * Runs exports and imports in the background on a small shared pool, at most a few at a time per user, and
 * keeps each job (and its file) for a while for the user who started it. Jobs live in this instance's memory:
 * with several instances, pages need sticky sessions.
 */
@Component
public class LedgerJobs implements DisposableBean {

    /** The work of a job; it reports progress on the job and ends by finishing it. */
    @FunctionalInterface
    public interface Work {
        void run(LedgerJob job) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(LedgerJobs.class);

    private final Map<String, LedgerJob> jobs = new ConcurrentHashMap<>();
    private final LedgerProperties properties;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService sweeper;

    LedgerJobs(LedgerProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread t = new Thread(r, "ledger-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ledger-job-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::expire, 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Queues work for the actor, in the caller's language.
     *
     * @throws ProblemException.Conflict when the actor already has as many jobs running as allowed
     */
    public LedgerJob submit(Actor actor, LedgerJob.Kind kind, Work work) {
        expire();
        LedgerJob job;
        synchronized (this) {
            long running = jobs.values().stream().filter(j -> j.ownerId() == actor.userId() && j.isRunning()).count();
            if (running >= properties.jobsPerUser()) {
                throw new ProblemException.Conflict("ledger.job.tooMany", properties.jobsPerUser().toString());
            }
            job = new LedgerJob(UUID.randomUUID().toString(), kind, actor.userId(), clock.instant());
            jobs.put(job.id(), job);
        }
        Locale locale = LocaleContextHolder.getLocale();
        workers.execute(() -> run(job, work, locale));
        return job;
    }

    private static void run(LedgerJob job, Work work, Locale locale) {
        LocaleContextHolder.setLocale(locale);
        job.started();
        try {
            work.run(job);
            if (job.isRunning()) {
                job.failed("ledger.job.failed");
            }
        } catch (ProblemException e) {
            job.failed(e.messageKey(), e.args());
        } catch (Exception | OutOfMemoryError e) {
            log.error("Ledger job {} ({}) failed", job.id(), job.kind(), e);
            job.failed("ledger.job.failed");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    /** The job, if it exists, has not expired and belongs to the user. */
    public Optional<LedgerJob> find(long userId, String id) {
        expire();
        return Optional.ofNullable(id == null ? null : jobs.get(id)).filter(j -> j.ownerId() == userId);
    }

    /** Forgets finished jobs older than the lifetime and deletes their files. */
    void expire() {
        Instant cutoff = clock.instant().minus(properties.jobLifetime());
        jobs.values().removeIf(j -> {
            if (j.isRunning() || !j.createdAt().isBefore(cutoff)) {
                return false;
            }
            delete(j.file());
            return true;
        });
    }

    /** A temporary file for a job's output, deleted when the job expires. */
    static Path newFile(String suffix) throws IOException {
        return Files.createTempFile("fengqiao-ledger-", suffix);
    }

    static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete {}", file);
            }
        }
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
        workers.shutdownNow();
        jobs.values().forEach(j -> delete(j.file()));
        jobs.clear();
    }
}
