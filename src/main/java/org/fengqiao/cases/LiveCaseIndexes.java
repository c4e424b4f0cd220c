package org.fengqiao.cases;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.fengqiao.platform.DatabaseProperties;

/**
 * Where the {@link LiveCaseIndex live case indexes} are kept. {@code fengqiao.indexes.dir} names a directory on this
 * instance's own disk (one per instance: a Lucene index has one writer); without it they are kept under
 * {@code <data dir>/indexes} when the platform runs its own embedded database in a kept data directory (one instance
 * on one machine), and in memory otherwise — a throw-away database, or an external one that several instances may
 * share with one data directory — where they are rebuilt from the database at each start.
 */
@Component
public class LiveCaseIndexes implements org.springframework.beans.factory.DisposableBean {

    private final Path base;
    /** The indexes made here, closed when the application closes (on disk: their lock released). */
    private final java.util.List<LiveCaseIndex> made = new java.util.concurrent.CopyOnWriteArrayList<>();

    LiveCaseIndexes(DatabaseProperties database, @Value("${fengqiao.indexes.dir:}") String configured,
                    @Value("${spring.datasource.url:}") String externalDatabase) {
        if (!configured.isBlank()) {
            base = Path.of(configured);
        } else if (!database.ephemeral() && externalDatabase.isBlank()) {
            base = database.dataDir().resolve("indexes");
        } else {
            base = null;
        }
    }

    /** An index kept in this store (on disk or in memory, as configured). */
    public LiveCaseIndex index(String name, org.springframework.jdbc.core.simple.JdbcClient jdbc,
                               org.apache.lucene.analysis.Analyzer analyzer, LiveCaseIndex.Source source) {
        LiveCaseIndex index = new LiveCaseIndex(name, jdbc, analyzer, source, base == null ? null : base.resolve(name));
        made.add(index);
        return index;
    }

    /**
     * Closes every index when the application closes, after its web server has stopped: a background build stops at
     * its next case, and an index kept on disk releases its lock — another application in this process (a command that
     * seeds, then serves) or the next process opens it instead of building its own in memory.
     */
    @Override
    public void destroy() {
        for (LiveCaseIndex index : made) {
            index.stop();
            try {
                index.close();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(LiveCaseIndexes.class).warn("an index did not close cleanly", e);
            }
        }
    }

    /** The directory the indexes are kept in, or null when in memory. */
    public Path directory() {
        return base;
    }
}
