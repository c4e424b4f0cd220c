package org.fengqiao.categories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.platform.TextHygiene;

/**
 * The request taxonomy and the dispute types, held in memory (hundreds of rows) and reloaded on change.
 */
@Service
public class Categories {

    private record Snapshot(Map<String, Category> byCode, List<Category> sorted, Map<String, DisputeType> disputeTypes) {
    }

    /** What a taxonomy import did. */
    public record ImportReport(int added, int unchanged, List<String> problems) {
    }

    private final JdbcClient jdbc;
    private final ProblemMessages messages;
    private final AtomicReference<Snapshot> cache = new AtomicReference<>();

    Categories(JdbcClient jdbc, ProblemMessages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    private Snapshot snapshot() {
        Snapshot s = cache.get();
        if (s == null) {
            Map<String, String[]> rows = new LinkedHashMap<>();
            jdbc.sql("select code, name, level, parent_code, active from category order by code")
                    .query(rs -> {
                        rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4),
                                Boolean.toString(rs.getBoolean(5))});
                    });
            Map<String, Category> byCode = new LinkedHashMap<>();
            rows.forEach((code, r) -> {
                String path = r[2] == null ? r[0] : byCode.get(r[2]).path() + " / " + r[0];
                byCode.put(code, new Category(code, r[0], Integer.parseInt(r[1]), r[2], path, Boolean.parseBoolean(r[3])));
            });
            Map<String, DisputeType> types = new LinkedHashMap<>();
            jdbc.sql("select code, name_zh, name_en, sort from dispute_type order by sort")
                    .query((rs, n) -> new DisputeType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                    .list().forEach(t -> types.put(t.code(), t));
            s = new Snapshot(Map.copyOf(byCode), List.copyOf(byCode.values()), types);
            cache.set(s);
        }
        return s;
    }

    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(snapshot().byCode().get(code));
    }

    /** An active category, or a 400 naming the field. */
    public Category requireActive(String field, String code) {
        return find(code).filter(Category::active)
                .orElseThrow(() -> new ProblemException.InvalidInput(field, "category.unknown", code));
    }

    /** All categories, by code (the snapshot is built in code order). */
    public List<Category> list() {
        return snapshot().sorted();
    }

    public List<Category> children(String parentCode) {
        return list().stream().filter(c -> java.util.Objects.equals(c.parentCode(), parentCode)).toList();
    }

    /** Categories whose name or path contains the text, leaves first. */
    public List<Category> search(String text, int limit) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return list().stream().filter(Category::active)
                .filter(c -> c.path().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing((Category c) -> -c.level()).thenComparing(Category::code))
                .limit(limit).toList();
    }

    /** The level-1 category with this name, if any (classifiers predict level-1 names). */
    public Optional<Category> topLevelNamed(String name) {
        return list().stream().filter(c -> c.level() == 1 && c.name().equals(name)).findFirst();
    }

    public List<DisputeType> disputeTypes() {
        return List.copyOf(snapshot().disputeTypes().values());
    }

    public Optional<DisputeType> disputeType(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(snapshot().disputeTypes().get(code));
    }

    public DisputeType requireDisputeType(String field, String code) {
        return disputeType(code).orElseThrow(() -> new ProblemException.InvalidInput(field, "disputeType.unknown", code));
    }

    /**
     * Loads a taxonomy in the TSV format {@code level1<TAB>level2<TAB>level3} with a header line. Existing
     * paths keep their codes; new ones get the next free number under their parent. Bad lines are reported (in
     * the caller's language) and skipped; everything else is written in one transaction. A file without the
     * header is refused with a 400.
     */
    @Transactional(rollbackFor = Exception.class)
    public ImportReport importTaxonomy(Reader tsv) throws IOException {
        Map<String, Category> existing = new HashMap<>();
        list().forEach(c -> existing.put(c.path(), c));
        Map<String, Integer> nextChild = new HashMap<>();
        for (Category c : list()) {
            String parent = c.parentCode() == null ? "" : c.parentCode();
            int number = Integer.parseInt(c.code().substring(parent.length()));
            nextChild.merge(parent, number + 1, Math::max);
        }
        List<String> problems = new ArrayList<>();
        int added = 0;
        int unchanged = 0;
        BufferedReader in = new BufferedReader(tsv);
        String header = in.readLine();
        if (header == null || !header.replace("\uFEFF", "").strip().startsWith("level1")) {
            throw new ProblemException.InvalidInput("file", "category.import.badHeader");
        }
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] names = line.split("\t", -1);
            if (names.length != 3 || java.util.Arrays.stream(names).anyMatch(n -> n.isBlank() || n.length() > 60
                    || !TextHygiene.isClean(n) || n.contains("/"))) {
                problems.add(messages.text("category.import.badLine", Integer.toString(lineNo)));
                continue;
            }
            String parentCode = null;
            String path = null;
            for (int level = 1; level <= 3; level++) {
                String name = names[level - 1].strip();
                path = path == null ? name : path + " / " + name;
                Category known = existing.get(path);
                if (known == null) {
                    String parentKey = parentCode == null ? "" : parentCode;
                    int number = nextChild.getOrDefault(parentKey, 1);
                    int width = level == 3 ? 3 : 2;
                    if (number >= Math.pow(10, width)) {
                        problems.add(messages.text("category.import.full", Integer.toString(lineNo), parentKey));
                        break;
                    }
                    nextChild.put(parentKey, number + 1);
                    String code = parentKey + String.format("%0" + width + "d", number);
                    jdbc.sql("insert into category (code, name, level, parent_code) values (?, ?, ?, ?)")
                            .params(code, name, level, parentCode).update();
                    known = new Category(code, name, level, parentCode, path, true);
                    existing.put(path, known);
                    if (level == 3) {
                        added++;
                    }
                } else if (level == 3) {
                    unchanged++;
                }
                parentCode = known.code();
            }
        }
        cache.set(null);
        return new ImportReport(added, unchanged, problems);
    }

    /** Forgets the cached taxonomy (after direct edits). */
    public void changed() {
        cache.set(null);
    }
}
