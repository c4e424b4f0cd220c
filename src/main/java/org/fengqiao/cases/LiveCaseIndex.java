package org.fengqiao.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.platform.ProblemException;

/**
 * A Lucene index of some of the cases, held in memory and kept up to date by following the case event log: every
 * change to a case appends an event, so the cases changed since the index was last brought up to date are those
 * with events after the last one it saw. Built from the database on first use and caught up before each search,
 * so it never answers from a state older than the search; losing it loses nothing. Thread-safe.
 *
 * <p>Changes made by other instances are followed the same way, from the database. Event ids are taken when a
 * transaction writes and become visible when it commits, so an id below the newest one seen may still appear (a
 * transaction committing late, on this instance or another): the ids missing below the newest are remembered as
 * gaps and looked up again at each catch-up until they appear, or for {@link #GAP_PATIENCE} (ids of rolled-back
 * transactions never appear).
 *
 * <p>Given a directory ({@link LiveCaseIndexes}), the index lives on disk (memory-mapped, outside the heap) and
 * records with each commit the newest event it has seen and its source's {@link Source#format() format}: a restart
 * opens it and catches up from there (looking {@value #BUILD_GAP_WINDOW} events back for late commits) instead of
 * reading every case again — with a million cases the rebuild took minutes and gigabytes of heap. An index of
 * another format, or none, is built afresh.
 */
public final class LiveCaseIndex {

    private static final Logger log = LoggerFactory.getLogger(LiveCaseIndex.class);

    /** Which cases belong in the index, and what is indexed of each. */
    public interface Source {

        /**
         * Puts the cases that belong in the index: all of them when {@code ids} is null (the first build),
         * otherwise those of these changed cases that still belong (their facts may have changed). The index
         * removes the changed cases not put.
         */
        void put(Writer writer, List<Long> ids);

        /**
         * Names what a document holds and how it is analysed: an index kept on disk under another format is built
         * afresh. Change it whenever {@link #put} writes documents differently.
         */
        default String format() {
            return "1";
        }
    }

    /** 503: the index is being built for the first time and this search does not wait for it. */
    public static final class NotReady extends ProblemException {
        NotReady() {
            super("cases.index.notReady");
        }

        @Override
        public int status() {
            return 503;
        }
    }

    /** Adds or replaces a case's document. */
    public interface Writer {
        void put(long caseId, Document document);
    }

    /** A search over the index as of now. */
    public interface Search<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private static final int CHUNK = 1_000;
    /** How long a missing event id is looked for: longer than any transaction that writes case events. */
    static final java.time.Duration GAP_PATIENCE = java.time.Duration.ofMinutes(15);
    /** How far below the newest event a build looks for ids not yet committed. */
    private static final long BUILD_GAP_WINDOW = 10_000;
    /** The field a case's document is found by when it is replaced or removed. */
    private static final String KEY = "key";
    /** Commit data: the newest case event the committed index reflects. */
    private static final String WATERMARK = "fengqiao.watermark";
    /** Commit data: that event as the database held it ({@link #eventFingerprint}). */
    private static final String EVENT = "fengqiao.event";
    /** Commit data: the source's {@link Source#format()}. */
    private static final String FORMAT = "fengqiao.format";

    private final String name;
    private final JdbcClient jdbc;
    private final Analyzer analyzer;
    private final Source source;
    /** Where the index is kept, or null: in memory, rebuilt at each start. */
    private final Path directory;
    private long watermark = -1;
    /** Event ids below the watermark not seen yet, with when they were first missed (System.nanoTime). */
    private final java.util.Map<Long, Long> gaps = new java.util.HashMap<>();
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile boolean closing;
    /** The first build runs in the background (searches that may not wait answer {@link NotReady}). */
    private volatile boolean building;
    private volatile boolean ready;

    /** An index held in memory. @param name names the index in logs and its background build's thread */
    public LiveCaseIndex(String name, JdbcClient jdbc, Analyzer analyzer, Source source) {
        this(name, jdbc, analyzer, source, null);
    }

    /** @param directory where the index is kept across restarts, or null to hold it in memory */
    public LiveCaseIndex(String name, JdbcClient jdbc, Analyzer analyzer, Source source, Path directory) {
        this.name = name;
        this.jdbc = jdbc;
        this.analyzer = analyzer;
        this.source = source;
        this.directory = directory;
    }

    /**
     * Builds the index in the background, so that the first search after a start does not wait for it (with
     * 100,000 cases that takes 10–20 s); a search that comes before it is done waits for the same build.
     */
    public void buildInBackground() {
        building = true;
        Thread.ofVirtual().name(name).start(() -> {
            try {
                catchUp(true);
            } catch (RuntimeException e) {
                if (closing) {
                    org.slf4j.LoggerFactory.getLogger(LiveCaseIndex.class)
                            .debug("{}: background build stopped, the application is closing", name, e);
                } else {
                    org.slf4j.LoggerFactory.getLogger(LiveCaseIndex.class)
                            .warn("{}: not built in the background, the first search will build it", name, e);
                }
            } finally {
                building = false;
            }
        });
    }

    /**
     * Follows the application's life: built in the background once it is ready, a build under way stopped when it
     * closes. Owners forward these two events to it.
     */
    public void follow(org.springframework.context.ApplicationEvent event) {
        if (event instanceof org.springframework.boot.context.event.ApplicationReadyEvent) {
            buildInBackground();
        } else if (event instanceof org.springframework.context.event.ContextClosedEvent) {
            stop();
        }
    }

    /**
     * Stops a background build under way at its next case, for an application that is closing (its database goes
     * away next): the build then ends quietly instead of failing on a closed connection pool. A build that a search
     * started (a request still being served) goes on.
     */
    public void stop() {
        closing = true;
    }

    /** Closes the index (on disk: releases it for the next process); a later search opens or builds it again. */
    public synchronized void close() {
        if (writer == null) {
            return;
        }
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer = null;
            ready = false;
            watermark = -1;
            gaps.clear();
        }
    }

    /** Runs a search on the index brought up to the latest case event. */
    public <T> T search(Search<T> search) {
        catchUp();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a search on the index brought up to the latest case event, unless its first build is still under way in
     * the background: then {@link NotReady} at once rather than waiting minutes behind the build (a page panel or
     * a search that can be asked again later).
     */
    public <T> T searchWithoutWaiting(Search<T> search) {
        if (!ready && building) {
            throw new NotReady();
        }
        return search(search);
    }

    /** Brings the index up to the latest case event, building it first if this is the first use. */
    public void catchUp() {
        catchUp(false);
    }

    private synchronized void catchUp(boolean background) {
        if (background && closing) {
            return; // the application closed before its background build began
        }
        long mark = jdbc.sql("select coalesce(max(id), 0) from case_event").query(Long.class).single();
        try {
            if (writer == null && reopen()) {
                log.info("{}: opened from {} at event {}; catching up", name, directory, watermark + BUILD_GAP_WINDOW);
            }
            if (writer == null) {
                // built aside and kept only when complete: a build that fails half-way leaves nothing behind (on
                // disk: no commit), so the next search builds afresh instead of finding a partial index
                IndexWriter built = openForBuild();
                long start = System.nanoTime();
                int[] count = {0};
                try {
                    source.put((id, document) -> {
                        if (background && closing) {
                            throw new java.util.concurrent.CancellationException("the application is closing");
                        }
                        put(built, id, document);
                        count[0]++;
                    }, null);
                    commit(built, mark);
                    searchers = new SearcherManager(built, null);
                } catch (IOException | RuntimeException e) {
                    try {
                        built.rollback();
                    } catch (IOException | RuntimeException alsoFailed) {
                        e.addSuppressed(alsoFailed);
                    }
                    throw e;
                }
                writer = built;
                ready = true;
                log.info("{}: {} cases indexed in {} ms{}", name, count[0], (System.nanoTime() - start) / 1_000_000,
                        directory == null ? "" : ", kept in " + directory);
                rememberGaps(jdbc.sql("select id from case_event where id > ? and id <= ?")
                        .params(Math.max(0, mark - BUILD_GAP_WINDOW), mark).query(Long.class).list(),
                        Math.max(0, mark - BUILD_GAP_WINDOW), mark);
            } else if (mark > watermark || !gaps.isEmpty()) {
                Long[] missing = gaps.keySet().toArray(Long[]::new);
                List<long[]> events = jdbc.sql("select id, case_id from case_event where id > ? and id <= ?"
                                + " or id = any(?)")
                        .params(watermark, mark, missing)
                        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
                rememberGaps(events.stream().map(e -> e[0]).toList(), watermark, mark);
                List<Long> ids = events.stream().map(e -> e[1]).distinct().toList();
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    List<Long> changed = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                    Set<Long> belonging = new java.util.HashSet<>();
                    source.put((id, document) -> {
                        put(writer, id, document);
                        belonging.add(id);
                    }, changed);
                    for (long id : changed) {
                        if (!belonging.contains(id)) {
                            writer.deleteDocuments(new Term(KEY, Long.toString(id)));
                        }
                    }
                }
                if (!ids.isEmpty()) {
                    commit(writer, mark);
                    searchers.maybeRefreshBlocking();
                }
            }
            watermark = Math.max(watermark, mark);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits, recording the newest event the index reflects and the format of its documents. */
    private void commit(IndexWriter w, long mark) throws IOException {
        w.setLiveCommitData(Map.of(WATERMARK, Long.toString(mark), FORMAT, source.format(),
                EVENT, eventFingerprint(mark)).entrySet());
        w.commit();
    }

    /**
     * The event an index was brought up to, as the database holds it (its case, write time and hash): after a
     * restore of an older backup or with another database it differs or is missing, and the index must not be used.
     */
    private String eventFingerprint(long eventId) {
        if (eventId <= 0) {
            return "none";
        }
        return jdbc.sql("select case_id || '/' || recorded_at || '/' || coalesce(encode(hash, 'hex'), '')"
                + " from case_event where id = ?").param(eventId).query(String.class).optional().orElse("missing");
    }

    /**
     * A writer for a fresh build: on disk if a directory is configured and free, else in memory (another process, or
     * another application context in this one, holds the directory's lock).
     */
    private IndexWriter openForBuild() throws IOException {
        if (directory != null) {
            Files.createDirectories(directory);
            Directory dir = FSDirectory.open(directory);
            try {
                return new IndexWriter(dir, buildConfig());
            } catch (LockObtainFailedException e) {
                log.warn("{}: {} is in use by another process; this instance keeps its own index in memory", name,
                        directory);
                dir.close();
            }
        }
        return new IndexWriter(new ByteBuffersDirectory(), buildConfig());
    }

    private IndexWriterConfig buildConfig() {
        return new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64);
    }

    /**
     * Opens the index kept on disk, if there is one of this format, and sets the watermark a little below the
     * newest event it recorded, so that events committed late around then are looked at again (putting a case
     * twice is harmless). A directory another process holds (its lock) is left alone: the index is then built in
     * memory.
     */
    private boolean reopen() throws IOException {
        if (directory == null || !Files.isDirectory(directory)) {
            return false;
        }
        Directory dir = FSDirectory.open(directory);
        Map<String, String> data = DirectoryReader.indexExists(dir) ? SegmentInfos.readLatestCommit(dir).getUserData()
                : Map.of();
        if (!source.format().equals(data.get(FORMAT)) || data.get(WATERMARK) == null) {
            dir.close();
            return false;
        }
        if (!eventFingerprint(Long.parseLong(data.get(WATERMARK))).equals(data.get(EVENT))) {
            log.info("{}: the database no longer holds the event the index in {} was built to (a restore, another "
                    + "database): built afresh", name, directory);
            dir.close();
            return false;
        }
        try {
            IndexWriter opened = new IndexWriter(dir, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.APPEND).setRAMBufferSizeMB(64));
            searchers = new SearcherManager(opened, null);
            writer = opened;
        } catch (LockObtainFailedException e) {
            dir.close();
            return false; // the build finds the lock taken too, says so and keeps its index in memory
        }
        watermark = Math.max(0, Long.parseLong(data.get(WATERMARK)) - BUILD_GAP_WINDOW);
        ready = true;
        return true;
    }

    /**
     * Forgets the gaps now seen and those waited for long enough, and remembers the ids in (from, to] not seen.
     */
    private void rememberGaps(List<Long> seen, long from, long to) {
        long now = System.nanoTime();
        Set<Long> found = new java.util.HashSet<>(seen);
        gaps.keySet().removeAll(found);
        gaps.values().removeIf(since -> now - since > GAP_PATIENCE.toNanos());
        for (long id = Math.max(from, watermark) + 1; id <= to; id++) {
            if (!found.contains(id)) {
                gaps.putIfAbsent(id, now);
            }
        }
    }

    /** How many event ids below the newest are still awaited (for tests and the logs). */
    synchronized int gapCount() {
        return gaps.size();
    }

    private static void put(IndexWriter writer, long caseId, Document document) {
        document.add(new StringField(KEY, Long.toString(caseId), Field.Store.NO));
        try {
            writer.updateDocument(new Term(KEY, Long.toString(caseId)), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
