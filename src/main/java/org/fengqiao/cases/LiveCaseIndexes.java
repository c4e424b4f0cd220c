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
public class LiveCaseIndexes {

    private final Path base;

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
        return new LiveCaseIndex(name, jdbc, analyzer, source, base == null ? null : base.resolve(name));
    }

    /** The directory the indexes are kept in, or null when in memory. */
    public Path directory() {
        return base;
    }
}
