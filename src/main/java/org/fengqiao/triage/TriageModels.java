package org.fengqiao.triage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.intelligence.classification.TextClassifier;

/**
 * The classifier models in the database, and the latest of them loaded in memory. An instance looks for a
 * newer model at most once per {@link TriageProperties#refreshInterval()}, so a model trained by another
 * instance of the cluster (or uploaded there) is used everywhere within a minute.
 */
@Component
class TriageModels {

    private static final Logger log = LoggerFactory.getLogger(TriageModels.class);

    /** A model ready to classify, with each of its labels resolved to a category of this deployment. */
    record Loaded(ModelInfo info, TextClassifier classifier, Map<String, Category> categoryOfLabel) {
    }

    private final JdbcClient jdbc;
    private final Categories categories;
    private final Clock clock;
    private final TriageProperties properties;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Instant checkedAt = Instant.MIN;

    TriageModels(JdbcClient jdbc, Categories categories, Clock clock, TriageProperties properties) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.clock = clock;
        this.properties = properties;
    }

    /** The latest model, if any has been trained or uploaded. */
    Optional<Loaded> current() {
        Instant now = clock.instant();
        if (checkedAt.plus(properties.refreshInterval()).isBefore(now) && refreshing.tryLock()) {
            try {
                checkedAt = now;
                refresh();
            } finally {
                refreshing.unlock();
            }
        }
        return Optional.ofNullable(current.get());
    }

    private void refresh() {
        Optional<Long> latest = jdbc.sql("select max(id) from triage_model").query(Long.class).optional();
        Loaded loaded = current.get();
        if (latest.isEmpty() || loaded != null && loaded.info().id() == latest.get()) {
            return;
        }
        jdbc.sql("select id, trained_at, source, trigger, examples, labels, model from triage_model where id = ?")
                .param(latest.get()).query((rs, n) -> {
                    try {
                        TextClassifier classifier = TextClassifier.load(new ByteArrayInputStream(rs.getBytes("model")));
                        return resolve(rs.getLong("id"), rs.getObject("trained_at", java.time.OffsetDateTime.class)
                                .toInstant(), rs.getString("source"), rs.getString("trigger"), rs.getInt("examples"),
                                classifier);
                    } catch (IOException e) {
                        log.error("Triage model {} cannot be read; keeping the previous one", rs.getLong("id"), e);
                        return null;
                    }
                }).optional().ifPresent(m -> {
                    current.set(m);
                    log.info("Triage model {} loaded ({} categories, {} examples, {})", m.info().id(),
                            m.categoryOfLabel().size(), m.info().examples(), m.info().source());
                });
    }

    /** Stores a model as the latest and uses it at once. */
    ModelInfo store(TextClassifier classifier, String source, String trigger, int examples) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            classifier.save(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into triage_model (trained_at, source, trigger, examples, labels, model)
                values (?, ?, ?, ?, ?, ?) returning id
                """).params(now.atOffset(ZoneOffset.UTC), source, trigger, examples,
                classifier.labels().toArray(String[]::new), bytes.toByteArray()).query(Long.class).single();
        Loaded loaded = resolve(id, now, source, trigger, examples, classifier);
        current.set(loaded);
        return loaded.info();
    }

    /** The latest stored model's description, without loading it. */
    Optional<ModelInfo> latestInfo() {
        return current().map(Loaded::info);
    }

    /** The source of the latest stored model, if any. */
    Optional<String> latestSource() {
        return jdbc.sql("select source from triage_model order by id desc limit 1").query(String.class).optional();
    }

    private Loaded resolve(long id, Instant trainedAt, String source, String trigger, int examples,
                           TextClassifier classifier) {
        Map<String, Category> byLabel = new LinkedHashMap<>();
        List<String> unmapped = new ArrayList<>();
        for (String label : classifier.labels()) {
            category(label).ifPresentOrElse(c -> byLabel.put(label, c), () -> unmapped.add(label));
        }
        return new Loaded(new ModelInfo(id, trainedAt, source, trigger, examples,
                byLabel.values().stream().map(Category::code).toList(), List.copyOf(unmapped)), classifier,
                Map.copyOf(byLabel));
    }

    /**
     * The category a model's label names: a category code (models trained on cases), a path of names such as
     * {@code 城乡建设/市政设施/路灯故障}, or a level-1 name (models trained on the 12345 message files).
     */
    Optional<Category> category(String label) {
        Optional<Category> byCode = categories.find(label);
        if (byCode.isPresent()) {
            return byCode;
        }
        String path = String.join(" / ", Arrays.stream(label.split("\\s*/\\s*")).map(String::strip).toList());
        return categories.list().stream().filter(c -> c.path().equals(path)).findFirst()
                .or(() -> categories.topLevelNamed(label.strip()));
    }
}
