package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.support.IntegrationTest;

/** A case index is either built whole or not at all; kept on disk, a restart opens it instead of building it again. */
@IntegrationTest
class LiveCaseIndexTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFirstBuildThatFailsHalfWayLeavesNoPartialIndexAndTheNextSearchBuildsItWhole() {
        AtomicInteger builds = new AtomicInteger();
        LiveCaseIndex index = new LiveCaseIndex("test-index", jdbc, new WhitespaceAnalyzer(), (writer, ids) -> {
            boolean failing = builds.incrementAndGet() == 1;
            for (long id = 1; id <= 3; id++) {
                if (failing && id == 2) {
                    throw new IllegalStateException("the database went away half-way");
                }
                Document d = new Document();
                d.add(new TextField("text", "case " + id, Field.Store.NO));
                writer.put(id, d);
            }
        });

        assertThatThrownBy(index::catchUp).hasMessageContaining("half-way");

        int found = index.search(searcher -> searcher.count(new MatchAllDocsQuery()));
        assertThat(found).as("all three cases, from a second, whole build").isEqualTo(3);
        assertThat(builds).hasValue(2);
        int again = index.search(searcher -> searcher.count(new MatchAllDocsQuery()));
        assertThat(again).as("not built a third time").isEqualTo(3);
    }

    @Test
    void stoppingEndsTheBackgroundBuildButNotOneASearchStarted() throws InterruptedException {
        java.util.concurrent.CountDownLatch readingCases = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger builds = new AtomicInteger();
        LiveCaseIndex index = new LiveCaseIndex("test-index", jdbc, new WhitespaceAnalyzer(), (writer, ids) -> {
            boolean first = builds.incrementAndGet() == 1;
            for (long id : List.of(1L, 2L, 3L)) {
                if (first && id == 2) {
                    readingCases.countDown(); // the application begins to close while the cases are being read
                    await(stopped);
                }
                Document d = new Document();
                d.add(new TextField("text", "case " + id, Field.Store.NO));
                writer.put(id, d);
            }
        });
        index.buildInBackground();
        assertThat(readingCases.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        index.stop();
        stopped.countDown();

        int found = index.search(searcher -> searcher.count(new MatchAllDocsQuery()));
        assertThat(found).as("a request still served after the stop builds the index whole").isEqualTo(3);
        assertThat(builds).as("the background build ended, the search built it again").hasValue(2);
    }

    /** Three cases of its own (ids -1 to -3, never a real case's), counting the full builds. */
    private static LiveCaseIndex.Source threeCases(String format, AtomicInteger fullBuilds) {
        return new LiveCaseIndex.Source() {
            @Override
            public void put(LiveCaseIndex.Writer writer, List<Long> ids) {
                if (ids == null) {
                    fullBuilds.incrementAndGet();
                }
                for (long id : List.of(-1L, -2L, -3L)) {
                    if (ids == null || ids.contains(id)) {
                        Document d = new Document();
                        d.add(new TextField("text", "case " + id, Field.Store.NO));
                        writer.put(id, d);
                    }
                }
            }

            @Override
            public String format() {
                return format;
            }
        };
    }

    @Test
    void anIndexKeptOnDiskIsOpenedAgainAfterARestartAndBuiltAfreshOnlyForAnotherFormat(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        AtomicInteger fullBuilds = new AtomicInteger();
        LiveCaseIndex first = new LiveCaseIndex("test-index", jdbc, new WhitespaceAnalyzer(),
                threeCases("test-1", fullBuilds), dir);
        assertThat(count(first)).isEqualTo(3);
        first.close();

        LiveCaseIndex restarted = new LiveCaseIndex("test-index", jdbc, new WhitespaceAnalyzer(),
                threeCases("test-1", fullBuilds), dir);
        assertThat(count(restarted)).isEqualTo(3);
        assertThat(fullBuilds).as("opened from disk, not read again from the database").hasValue(1);
        restarted.close();

        LiveCaseIndex upgraded = new LiveCaseIndex("test-index", jdbc, new WhitespaceAnalyzer(),
                threeCases("test-2", fullBuilds), dir);
        assertThat(count(upgraded)).isEqualTo(3);
        assertThat(fullBuilds).as("documents of another format: built afresh").hasValue(2);
        upgraded.close();
    }

    @Test
    void anIndexKeptOnDiskIsBuiltAfreshWhenTheDatabaseNoLongerHoldsTheEventItWasBuiltTo(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        AtomicInteger fullBuilds = new AtomicInteger();
        LiveCaseIndex first = new LiveCaseIndex("test-index", jdbc, new WhitespaceAnalyzer(),
                threeCases("test-1", fullBuilds), dir);
        assertThat(count(first)).isEqualTo(3);
        first.close();
        // as if the database had been restored from another backup: the recorded event is not the one it holds
        try (var d = org.apache.lucene.store.FSDirectory.open(dir);
             var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig(
                     new WhitespaceAnalyzer()).setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
            var data = new java.util.HashMap<String, String>();
            org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData().forEach(data::put);
            data.put("fengqiao.event", "1/2000-01-01 00:00:00+00/");
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }

        LiveCaseIndex restored = new LiveCaseIndex("test-index", jdbc, new WhitespaceAnalyzer(),
                threeCases("test-1", fullBuilds), dir);
        assertThat(count(restored)).isEqualTo(3);
        assertThat(fullBuilds).as("not opened: built afresh from the database").hasValue(2);
        restored.close();
    }

    @Test
    void theIndexesAreClosedWithTheApplicationSoThatTheNextOneOpensThemFromDisk(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        AtomicInteger fullBuilds = new AtomicInteger();
        LiveCaseIndexes store = new LiveCaseIndexes(null, dir.toString(), "");
        assertThat(count(store.index("test-index", jdbc, new WhitespaceAnalyzer(), threeCases("test-1", fullBuilds))))
                .isEqualTo(3);
        store.destroy();

        LiveCaseIndexes next = new LiveCaseIndexes(null, dir.toString(), "");
        assertThat(count(next.index("test-index", jdbc, new WhitespaceAnalyzer(), threeCases("test-1", fullBuilds))))
                .isEqualTo(3);
        assertThat(fullBuilds).as("the lock released at close: opened from disk, not built again in memory").hasValue(1);
        next.destroy();
    }

    @Test
    void aSecondIndexOnADirectoryInUseKeepsItsOwnInMemory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        AtomicInteger fullBuilds = new AtomicInteger();
        LiveCaseIndex first = new LiveCaseIndex("test-index", jdbc, new WhitespaceAnalyzer(),
                threeCases("test-1", fullBuilds), dir);
        LiveCaseIndex second = new LiveCaseIndex("test-index", jdbc, new WhitespaceAnalyzer(),
                threeCases("test-1", fullBuilds), dir);
        try {
            assertThat(count(first)).isEqualTo(3);
            assertThat(count(second)).as("built in memory, not refused by the lock").isEqualTo(3);
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void aSearchThatMayNotWaitIsToldTheIndexIsNotReadyWhileTheFirstBuildRuns() throws InterruptedException {
        java.util.concurrent.CountDownLatch building = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        LiveCaseIndex index = new LiveCaseIndex("test-index", jdbc, new WhitespaceAnalyzer(), (writer, ids) -> {
            building.countDown();
            await(release);
            Document d = new Document();
            d.add(new TextField("text", "case -1", Field.Store.NO));
            writer.put(-1L, d);
        });
        index.buildInBackground();
        assertThat(building.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> index.searchWithoutWaiting(searcher -> searcher.count(new MatchAllDocsQuery())))
                .isInstanceOf(LiveCaseIndex.NotReady.class);

        release.countDown();
        int found = index.search(searcher -> searcher.count(new MatchAllDocsQuery()));
        assertThat(found).isEqualTo(1);
        int foundWithoutWaiting = index.searchWithoutWaiting(searcher -> searcher.count(new MatchAllDocsQuery()));
        assertThat(foundWithoutWaiting).isEqualTo(1);
    }

    private static int count(LiveCaseIndex index) {
        return index.search(searcher -> searcher.count(new MatchAllDocsQuery()));
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
