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

/** An in-memory case index is either built whole or not at all. */
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

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
