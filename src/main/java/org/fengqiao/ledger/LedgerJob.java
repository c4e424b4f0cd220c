package org.fengqiao.ledger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One export or import running in the background for one user, as the instance running it sees it: its progress
 * while it runs, then its file (an export) or its report (an import), or why it failed. {@link LedgerJobs} writes
 * it to the table {@code ledger_job}, from which any instance reads it ({@link Snapshot}). Only the user who started
 * it may see it.
 */
public final class LedgerJob {

    public enum Kind { EXPORT, IMPORT }

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    private final String id;
    private final Kind kind;
    private final long ownerId;
    private final Instant createdAt;
    private final AtomicLong done = new AtomicLong();
    private volatile State state = State.QUEUED;
    private volatile String phase = "ledger.job.queued";
    private volatile long total;
    private volatile Path file;
    private volatile String fileName;
    private volatile long rows;
    private volatile CaseImport.Report report;
    private volatile String failureKey;
    private volatile Object[] failureArgs = new Object[0];

    LedgerJob(String id, Kind kind, long ownerId, Instant createdAt) {
        this.id = id;
        this.kind = kind;
        this.ownerId = ownerId;
        this.createdAt = createdAt;
    }

    // ---- the worker reports ------------------------------------------------------------------------------------

    void started() {
        state = State.RUNNING;
    }

    /** Starts a phase (a message key such as "reading", "checking", "registering") of {@code total} steps. */
    public void phase(String messageKey, long total) {
        this.phase = messageKey;
        this.total = total;
        done.set(0);
    }

    public void advance() {
        done.incrementAndGet();
    }

    void finished(Path file, String fileName, long rows) {
        this.file = file;
        this.fileName = fileName;
        this.rows = rows;
        state = State.DONE;
    }

    void finished(CaseImport.Report report) {
        this.report = report;
        this.rows = report.rows();
        state = State.DONE;
    }

    void failed(String messageKey, Object... args) {
        this.failureKey = messageKey;
        this.failureArgs = args;
        state = State.FAILED;
    }

    /**
     * The job at one moment. A page renders from one snapshot, so it never shows "running" in one place and
     * "finished" in another while the worker moves on.
     *
     * @param completed steps of the current phase done so far
     */
    public record Snapshot(String id, Kind kind, State state, String phase, long completed, long total, int percent,
                           String fileName, long rows, CaseImport.Report report, String failureKey,
                           Object[] failureArgs) {

        public boolean isRunning() {
            return state == State.QUEUED || state == State.RUNNING;
        }

        public boolean isFinished() {
            return state == State.DONE;
        }

        public boolean isFailed() {
            return state == State.FAILED;
        }
    }

    /** What the job is doing or did, read once (the state first: results are published before it). */
    public Snapshot snapshot() {
        State s = state;
        return new Snapshot(id, kind, s, phase, done(), total, s == State.DONE ? 100 : percent(), fileName, rows, report,
                failureKey, failureArgs.clone());
    }

    // ---- the pages read ----------------------------------------------------------------------------------------

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public long ownerId() {
        return ownerId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public State state() {
        return state;
    }

    public boolean isRunning() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    public boolean isDone() {
        return state == State.DONE;
    }

    public boolean isFailed() {
        return state == State.FAILED;
    }

    /** The message key of what the job is doing now. */
    public String phase() {
        return phase;
    }

    public long done() {
        return Math.min(done.get(), total);
    }

    public long total() {
        return total;
    }

    /** 0–100; 100 only when finished. */
    public int percent() {
        if (state == State.DONE) {
            return 100;
        }
        long t = total;
        return t <= 0 ? 0 : (int) Math.min(99, done() * 100 / t);
    }

    /** The export's workbook, once done. */
    public Path file() {
        return file;
    }

    public String fileName() {
        return fileName;
    }

    /** Rows exported, or data rows read from an import file. */
    public long rows() {
        return rows;
    }

    /** The import's report, once done. */
    public CaseImport.Report report() {
        return report;
    }

    public String failureKey() {
        return failureKey;
    }

    public Object[] failureArgs() {
        return failureArgs.clone();
    }
}
