package org.fengqiao.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import org.fengqiao.access.Actor;
import org.fengqiao.platform.ProblemException;

/**
 * Runs exports and imports in the background on a small pool of this instance, at most a few at a time per user
 * (counted over all instances), and keeps each job in the table {@code ledger_job} — its progress, then its
 * workbook or report — for a while for the user who started it. Any instance answers for any job, so pages need
 * no sticky sessions: the instance running a job writes its progress every {@link #FLUSH} and its result when it
 * ends. A job whose instance stopped writing for {@link #ABANDONED} (the instance died) is shown as failed.
 */
@Component
public class LedgerJobs implements DisposableBean {

    /** The work of a job; it reports progress on the job and ends by finishing it. */
    @FunctionalInterface
    public interface Work {
        void run(LedgerJob job) throws Exception;
    }

    /** A finished export's workbook. */
    public record Download(String fileName, byte[] content) {
    }

    static final Duration FLUSH = Duration.ofMillis(250);
    static final Duration ABANDONED = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(LedgerJobs.class);
    private static final String COLUMNS =
            "id, kind, state, phase, done, total, file_name, rows, report, failure_key, failure_args";

    /** The jobs this instance runs, whose progress it writes. */
    private final Map<String, LedgerJob> running = new ConcurrentHashMap<>();
    private final LedgerProperties properties;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final ExecutorService workers;
    private final ScheduledExecutorService heartbeat;

    LedgerJobs(LedgerProperties properties, Clock clock, JdbcClient jdbc, PlatformTransactionManager transactionManager,
               ObjectMapper json) {
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread t = new Thread(r, "ledger-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ledger-job-progress");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::writeProgress, FLUSH.toMillis(), FLUSH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Queues work for the actor, in the caller's language.
     *
     * @throws ProblemException.Conflict when the actor already has as many jobs running as allowed, on any instance
     */
    public LedgerJob submit(Actor actor, LedgerJob.Kind kind, Work work) {
        expire();
        LedgerJob job = new LedgerJob(UUID.randomUUID().toString(), kind, actor.userId(), clock.instant());
        transactions.executeWithoutResult(s -> {
            // one user's submissions, on whichever instances, are counted one at a time
            jdbc.sql("select pg_advisory_xact_lock(hashtext('ledger_job'), ?::int)")
                    .param((int) actor.userId()).query().singleRow();
            long jobsRunning = jdbc.sql("select count(*) from ledger_job where owner_id = ? and state in"
                            + " ('QUEUED', 'RUNNING') and updated_at > now() - make_interval(secs => ?)")
                    .params(actor.userId(), ABANDONED.toSeconds()).query(Long.class).single();
            if (jobsRunning >= properties.jobsPerUser()) {
                throw new ProblemException.Conflict("ledger.job.tooMany", properties.jobsPerUser().toString());
            }
            jdbc.sql("insert into ledger_job (id, kind, owner_id, created_at, state, phase)"
                            + " values (?::uuid, ?, ?, ?, ?, ?)")
                    .params(job.id(), kind.name(), actor.userId(), Timestamp.from(job.createdAt()),
                            job.state().name(), job.phase())
                    .update();
        });
        running.put(job.id(), job);
        Locale locale = LocaleContextHolder.getLocale();
        workers.execute(() -> run(job, work, locale));
        return job;
    }

    private void run(LedgerJob job, Work work, Locale locale) {
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
            try {
                writeResult(job);
            } catch (RuntimeException e) {
                log.error("Ledger job {}: could not store its result", job.id(), e);
            } finally {
                running.remove(job.id());
                delete(job.file());
            }
        }
    }

    /** The job as it stands now, if it exists, has not expired and belongs to the user. */
    public Optional<LedgerJob.Snapshot> find(long userId, String id) {
        expire();
        return uuid(id).flatMap(uuid -> jdbc.sql("select " + COLUMNS + " from ledger_job where id = ? and owner_id = ?")
                .params(uuid, userId).query(this::snapshot).optional());
    }

    /** The workbook of a finished export of the user's. */
    public Optional<Download> download(long userId, String id) {
        expire();
        return uuid(id).flatMap(uuid -> jdbc.sql("select file_name, file from ledger_job"
                        + " where id = ? and owner_id = ? and state = 'DONE' and file is not null")
                .params(uuid, userId)
                .query((rs, n) -> new Download(rs.getString("file_name"), rs.getBytes("file"))).optional());
    }

    /**
     * Forgets finished jobs older than the lifetime (with their files), and gives up on jobs whose instance has
     * not written for {@link #ABANDONED}.
     */
    void expire() {
        jdbc.sql("delete from ledger_job where state in ('DONE', 'FAILED') and created_at < ?")
                .param(Timestamp.from(clock.instant().minus(properties.jobLifetime()))).update();
        jdbc.sql("update ledger_job set state = 'FAILED', failure_key = 'ledger.job.failed', failure_args = '[]'"
                        + " where state in ('QUEUED', 'RUNNING') and updated_at < now() - make_interval(secs => ?)")
                .param(ABANDONED.toSeconds()).update();
    }

    private void writeProgress() {
        for (LedgerJob job : running.values()) {
            try {
                if (job.isRunning()) {
                    jdbc.sql("update ledger_job set state = ?, phase = ?, done = ?, total = ?, updated_at = now()"
                                    + " where id = ?::uuid and state in ('QUEUED', 'RUNNING')")
                            .params(job.state().name(), job.phase(), job.done(), job.total(), job.id()).update();
                }
            } catch (RuntimeException e) {
                log.warn("Ledger job {}: progress not written ({})", job.id(), e.getMessage());
            }
        }
    }

    private void writeResult(LedgerJob job) {
        byte[] file = null;
        if (job.isDone() && job.file() != null) {
            try {
                file = Files.readAllBytes(job.file());
            } catch (IOException e) {
                log.error("Ledger job {}: its file could not be read", job.id(), e);
                job.failed("ledger.job.failed");
            }
        }
        String report = job.report() == null ? null : json.writeValueAsString(job.report());
        String args = json.writeValueAsString(Arrays.stream(job.failureArgs()).map(String::valueOf).toList());
        jdbc.sql("update ledger_job set state = ?, phase = ?, done = ?, total = ?, file_name = ?, rows = ?,"
                        + " report = ?::jsonb, failure_key = ?, failure_args = ?::jsonb, file = ?, updated_at = now()"
                        + " where id = ?::uuid")
                .params(job.state().name(), job.phase(), job.done(), job.total(), job.fileName(), job.rows(), report,
                        job.failureKey(), args, file, job.id())
                .update();
    }

    private LedgerJob.Snapshot snapshot(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        LedgerJob.State state = LedgerJob.State.valueOf(rs.getString("state"));
        long done = rs.getLong("done");
        long total = rs.getLong("total");
        int percent = state == LedgerJob.State.DONE ? 100
                : total <= 0 ? 0 : (int) Math.min(99, Math.min(done, total) * 100 / total);
        String report = rs.getString("report");
        List<?> args = json.readValue(rs.getString("failure_args"), List.class);
        return new LedgerJob.Snapshot(rs.getString("id"), LedgerJob.Kind.valueOf(rs.getString("kind")), state,
                rs.getString("phase"), Math.min(done, total), total, percent, rs.getString("file_name"),
                rs.getLong("rows"), report == null ? null : json.readValue(report, CaseImport.Report.class),
                rs.getString("failure_key"), args.toArray());
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A temporary file for a job's output while it is written; it goes into the table when the job ends. */
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
        heartbeat.shutdownNow();
        workers.shutdownNow();
        running.values().forEach(j -> delete(j.file()));
        running.clear();
    }
}
