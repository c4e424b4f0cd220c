package org.fengqiao.cases.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.access.Actor;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.cases.CaseCommands.PartyInput;
import org.fengqiao.cases.CaseCommands.RegisterCase;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseQueries;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.Channel;
import org.fengqiao.cases.PartyRole;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.categories.DisputeType;
import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.PlatformClock;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.platform.TextHygiene;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * Imports cases from a workbook (e.g. a 12345 work-order export), all or nothing. Every row is first checked
 * the way registration checks a form — the command's constraints, then the region, category and dispute type
 * codes — and every bad row is reported with its row number, column and a reason a person can act on; if any
 * row is bad nothing is written. Otherwise all rows are registered through {@link CaseService#register} in one
 * transaction, each at its original registration time so that tracking codes and deadlines count from then.
 */
@Service
public class CaseImport {

    /** One refusal: the row as Excel numbers it, the column's header, and why. */
    public record RowProblem(int row, String column, String reason) {
    }

    /** A case the import registered. */
    public record Created(int row, long caseId, String trackingCode) {
    }

    /** What an import did: either problems (and nothing written) or the cases created. */
    public record Report(String fileName, int rows, List<RowProblem> problems, List<Created> created) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A workbook accepted for import: readable, with the required columns and a sensible number of rows. */
    public static final class ImportFile {
        private final String fileName;
        private final List<Row> rows;

        ImportFile(String fileName, List<Row> rows) {
            this.fileName = fileName;
            this.rows = List.copyOf(rows);
        }

        public String fileName() {
            return fileName;
        }

        public int rowCount() {
            return rows.size();
        }
    }

    record Row(int number, Map<ImportColumn, String> values) {
        String get(ImportColumn c) {
            return values.get(c);
        }
    }

    private record Candidate(int row, Instant at, RegisterCase command) {
    }

    private record Problem(int row, ImportColumn column, String reason) {
    }

    private static final List<DateTimeFormatter> TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-M-d H:m[:s]"), DateTimeFormatter.ofPattern("yyyy/M/d H:m[:s]"),
            DateTimeFormatter.ofPattern("yyyy.M.d H:m[:s]"), DateTimeFormatter.ofPattern("yyyy-M-d'T'H:m[:s]"),
            DateTimeFormatter.ofPattern("yyyy年M月d日 H:m[:s]"), DateTimeFormatter.ofPattern("yyyy年M月d日H时m分"),
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"), DateTimeFormatter.ofPattern("yyyyMMdd"));
    private static final Locale[] LANGUAGES = {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH};

    private final CaseService cases;
    private final CaseQueries queries;
    private final Regions regions;
    private final Units units;
    private final Categories categories;
    private final ProblemMessages problems;
    private final MessageSource messages;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final LedgerJobs jobs;
    private final LedgerProperties properties;
    private final PlatformClock clock;

    CaseImport(CaseService cases, CaseQueries queries, Regions regions, Units units, Categories categories,
               ProblemMessages problems, MessageSource messages, AuditLog audit,
               PlatformTransactionManager transactionManager, LedgerJobs jobs, LedgerProperties properties,
               PlatformClock clock) {
        this.cases = cases;
        this.queries = queries;
        this.regions = regions;
        this.units = units;
        this.categories = categories;
        this.problems = problems;
        this.messages = messages;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Only intake officers and dispatchers register cases in bulk. */
    public static boolean mayImport(Actor actor) {
        return actor.hasAny(Role.INTAKE, Role.DISPATCHER);
    }

    // ---- the file --------------------------------------------------------------------------------------------

    /**
     * Accepts a file for import, or refuses it with a message: too large, not an .xlsx (by content), unreadable,
     * without the required columns, empty, or with too many rows.
     */
    public ImportFile read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new ProblemException.InvalidInput("file", "ledger.import.empty");
        }
        if (content.length > properties.maxImportSize().toBytes()) {
            throw new ProblemException.InvalidInput("file", "ledger.import.tooLarge",
                    Long.toString(properties.maxImportSize().toMegabytes()));
        }
        List<ImportReader.SheetRow> sheet = ImportReader.read(content, properties.maxImportRows());
        Map<String, ImportColumn> labels = headerLabels();
        int headerIndex = -1;
        Map<Integer, ImportColumn> columns = Map.of();
        for (int i = 0; i < Math.min(10, sheet.size()); i++) {
            Map<Integer, ImportColumn> found = new HashMap<>();
            sheet.get(i).cells().forEach((index, text) -> {
                ImportColumn c = labels.get(normalise(text));
                if (c != null && !found.containsValue(c)) {
                    found.put(index, c);
                }
            });
            if (found.size() > columns.size()) {
                columns = found;
                headerIndex = i;
            }
        }
        if (columns.size() < 2) {
            throw new ProblemException.InvalidInput("file", "ledger.import.noHeader");
        }
        Set<ImportColumn> present = Set.copyOf(columns.values());
        List<String> missing = Arrays.stream(ImportColumn.values()).filter(c -> c.required && !present.contains(c))
                .map(this::label).toList();
        if (!missing.isEmpty()) {
            throw new ProblemException.InvalidInput("file", "ledger.import.missingColumns",
                    String.join(separator(), missing));
        }
        Set<String> exampleMarkers = Set.of(text(Locale.SIMPLIFIED_CHINESE, "ledger.template.exampleMarker"),
                text(Locale.ENGLISH, "ledger.template.exampleMarker"));
        List<Row> rows = new ArrayList<>();
        for (ImportReader.SheetRow r : sheet.subList(headerIndex + 1, sheet.size())) {
            Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
            Map<Integer, ImportColumn> byIndex = columns;
            r.cells().forEach((index, text) -> {
                ImportColumn c = byIndex.get(index);
                if (c != null) {
                    values.put(c, text);
                }
            });
            if (values.isEmpty() || exampleMarkers.contains(values.get(ImportColumn.SOURCE_REF))) {
                continue;
            }
            rows.add(new Row(r.number(), values));
        }
        if (rows.isEmpty()) {
            throw new ProblemException.InvalidInput("file", "ledger.import.noRows");
        }
        if (rows.size() > properties.maxImportRows()) {
            throw new ProblemException.InvalidInput("file", "ledger.import.tooManyRows",
                    Integer.toString(properties.maxImportRows()));
        }
        return new ImportFile(fileName == null || fileName.isBlank() ? "import.xlsx" : fileName.strip(), rows);
    }

    /** Every header a column answers to, normalised: labels in both languages, aliases, the code. */
    private Map<String, ImportColumn> headerLabels() {
        Map<String, ImportColumn> labels = new HashMap<>();
        for (ImportColumn c : ImportColumn.values()) {
            labels.put(normalise(c.name()), c);
            for (Locale l : LANGUAGES) {
                labels.put(normalise(text(l, c.key())), c);
                for (String alias : text(l, c.aliasesKey()).split("[,，]")) {
                    if (!alias.isBlank()) {
                        labels.putIfAbsent(normalise(alias), c);
                    }
                }
            }
        }
        return labels;
    }

    static String normalise(String header) {
        return header.replaceAll("[（(][^）)]*[）)]", "").replaceAll("[*＊\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }

    // ---- the import ------------------------------------------------------------------------------------------

    /**
     * Starts the import in the background for an intake officer or dispatcher.
     */
    public LedgerJob start(Actor actor, ImportFile file) {
        if (!mayImport(actor)) {
            throw new ProblemException.Forbidden("ledger.import.forbidden");
        }
        return jobs.submit(actor, LedgerJob.Kind.IMPORT, job -> job.finished(run(actor, file, job)));
    }

    /**
     * Checks every row, then registers all of them in one transaction — or none, reporting every bad row.
     *
     * @param job where to report progress, or null
     */
    public Report run(Actor actor, ImportFile file, LedgerJob job) {
        if (!mayImport(actor)) {
            throw new ProblemException.Forbidden("ledger.import.forbidden");
        }
        Locale locale = LocaleContextHolder.getLocale();
        Instant now = clock.instant();
        List<Problem> found = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        phase(job, "ledger.job.checking", file.rows.size());
        for (Row row : file.rows) {
            check(row, locale, now, found).ifPresent(candidates::add);
            advance(job);
        }
        checkSourceRefs(file.rows, locale, found);
        if (!found.isEmpty()) {
            return report(file, found, List.of());
        }
        phase(job, "ledger.job.registering", candidates.size());
        List<Created> created = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (Candidate c : candidates) {
                try {
                    CaseService.Registration r = clock.at(c.at(), () -> cases.register(actor, c.command()));
                    created.add(new Created(c.row(), r.id(), r.trackingCode()));
                } catch (ProblemException e) {
                    found.add(new Problem(c.row(), e instanceof ProblemException.InvalidInput invalid
                            ? ImportColumn.ofField(invalid.field()) : null, problems.text(e)));
                }
                advance(job);
            }
            if (!found.isEmpty()) {
                status.setRollbackOnly();
                return;
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("file", file.fileName());
            detail.put("rows", file.rows.size());
            detail.put("created", created.size());
            detail.put("trackingCodes", created.stream().limit(100).map(Created::trackingCode).toList());
            audit.record(actor.userId(), actor.unitId(), AuditLog.Action.IMPORT_CASES, null, "import", detail);
        });
        return found.isEmpty() ? report(file, List.of(), created) : report(file, found, List.of());
    }

    private Report report(ImportFile file, List<Problem> found, List<Created> created) {
        List<RowProblem> list = found.stream()
                .sorted(Comparator.comparingInt(Problem::row)
                        .thenComparing(p -> p.column() == null ? -1 : p.column().ordinal()))
                .map(p -> new RowProblem(p.row(), p.column() == null ? "" : label(p.column()), p.reason()))
                .toList();
        return new Report(file.fileName(), file.rows.size(), list, List.copyOf(created));
    }

    private static void phase(LedgerJob job, String key, long total) {
        if (job != null) {
            job.phase(key, total);
        }
    }

    private static void advance(LedgerJob job) {
        if (job != null) {
            job.advance();
        }
    }

    /** The same work order must not come in twice: neither twice in the file nor again after an earlier import. */
    private void checkSourceRefs(List<Row> rows, Locale locale, List<Problem> found) {
        Map<String, Integer> firstRow = new HashMap<>();
        Map<Channel, Map<String, Integer>> fresh = new EnumMap<>(Channel.class);
        for (Row row : rows) {
            String ref = row.get(ImportColumn.SOURCE_REF);
            Channel channel = row.get(ImportColumn.CHANNEL) == null ? Channel.HOTLINE_12345
                    : choose(Channel.values(), "channel.", row.get(ImportColumn.CHANNEL));
            if (ref == null || channel == null) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(channel + "|" + ref, row.number());
            if (first != null) {
                found.add(new Problem(row.number(), ImportColumn.SOURCE_REF,
                        text(locale, "ledger.import.duplicateInFile", ref, Integer.toString(first))));
            } else {
                fresh.computeIfAbsent(channel, k -> new LinkedHashMap<>()).put(ref, row.number());
            }
        }
        fresh.forEach((channel, refs) -> {
            for (String known : queries.registeredSourceRefs(channel, refs.keySet())) {
                found.add(new Problem(refs.get(known), ImportColumn.SOURCE_REF,
                        text(locale, "ledger.import.alreadyRegistered", known)));
            }
        });
    }

    /** One row as a registration command, or its problems. */
    private Optional<Candidate> check(Row row, Locale locale, Instant now, List<Problem> found) {
        int before = found.size();
        java.util.function.BiConsumer<ImportColumn, String> refuse = (c, reason) ->
                found.add(new Problem(row.number(), c, reason));
        for (ImportColumn c : ImportColumn.values()) {
            if (c.required && row.get(c) == null) {
                refuse.accept(c, text(locale, "ledger.import.required"));
            }
        }
        Instant at = now;
        String time = row.get(ImportColumn.REGISTERED_AT);
        if (time != null) {
            LocalDateTime t = parseTime(time);
            if (t == null || t.getYear() < 2000) {
                refuse.accept(ImportColumn.REGISTERED_AT, text(locale, "ledger.import.badTime", time));
            } else {
                at = t.atZone(ChinaTime.ZONE).toInstant();
                if (at.isAfter(now)) {
                    refuse.accept(ImportColumn.REGISTERED_AT, text(locale, "ledger.import.futureTime", time));
                }
            }
        }
        Channel channel = Channel.HOTLINE_12345;
        if (row.get(ImportColumn.CHANNEL) != null) {
            channel = choose(Channel.values(), "channel.", row.get(ImportColumn.CHANNEL));
            if (channel == null) {
                refuse.accept(ImportColumn.CHANNEL, notAllowed(locale, row.get(ImportColumn.CHANNEL), Channel.values(),
                        "channel."));
            }
        }
        CaseKind kind = null;
        if (row.get(ImportColumn.KIND) != null) {
            kind = choose(CaseKind.values(), "kind.", row.get(ImportColumn.KIND));
            if (kind == null) {
                refuse.accept(ImportColumn.KIND, notAllowed(locale, row.get(ImportColumn.KIND), CaseKind.values(), "kind."));
            }
        }
        String categoryCode = null;
        if (row.get(ImportColumn.CATEGORY) != null) {
            Category category = category(row.get(ImportColumn.CATEGORY));
            if (category == null) {
                refuse.accept(ImportColumn.CATEGORY, text(locale, "ledger.import.unknownCategory",
                        row.get(ImportColumn.CATEGORY)));
            } else {
                categoryCode = category.code();
            }
        }
        String disputeType = null;
        if (row.get(ImportColumn.DISPUTE_TYPE) != null) {
            disputeType = disputeType(row.get(ImportColumn.DISPUTE_TYPE));
            if (disputeType == null) {
                refuse.accept(ImportColumn.DISPUTE_TYPE, text(locale, "ledger.import.unknownValue",
                        row.get(ImportColumn.DISPUTE_TYPE), String.join(separator(),
                                categories.disputeTypes().stream().map(d -> d.name(locale)).toList())));
            } else if (kind != null && kind != CaseKind.DISPUTE) {
                refuse.accept(ImportColumn.DISPUTE_TYPE, problems.text("case.disputeTypeNeedsDispute"));
            }
        }
        Integer people = null;
        if (row.get(ImportColumn.PEOPLE_INVOLVED) != null) {
            try {
                people = Integer.valueOf(row.get(ImportColumn.PEOPLE_INVOLVED).replace("人", "").strip());
            } catch (NumberFormatException e) {
                refuse.accept(ImportColumn.PEOPLE_INVOLVED, text(locale, "ledger.import.badNumber",
                        row.get(ImportColumn.PEOPLE_INVOLVED)));
            }
        }
        BigDecimal amount = null;
        if (row.get(ImportColumn.AMOUNT_INVOLVED) != null) {
            try {
                amount = new BigDecimal(row.get(ImportColumn.AMOUNT_INVOLVED).replaceAll("[,，元¥￥\\s]", ""));
            } catch (NumberFormatException e) {
                refuse.accept(ImportColumn.AMOUNT_INVOLVED, text(locale, "ledger.import.badNumber",
                        row.get(ImportColumn.AMOUNT_INVOLVED)));
            }
        }
        Boolean urgent = null;
        if (row.get(ImportColumn.URGENT) != null) {
            urgent = yesNo(row.get(ImportColumn.URGENT));
            if (urgent == null) {
                refuse.accept(ImportColumn.URGENT, text(locale, "ledger.import.badYesNo", row.get(ImportColumn.URGENT)));
            }
        }
        List<PartyInput> parties = List.of();
        String partyName = row.get(ImportColumn.PARTY_NAME);
        if (partyName != null) {
            parties = List.of(new PartyInput(PartyRole.APPLICANT, partyName, row.get(ImportColumn.PARTY_PHONE),
                    row.get(ImportColumn.PARTY_ID_NUMBER), null));
        } else if (row.get(ImportColumn.PARTY_PHONE) != null || row.get(ImportColumn.PARTY_ID_NUMBER) != null) {
            refuse.accept(ImportColumn.PARTY_NAME, text(locale, "ledger.import.partyNameMissing"));
        }
        for (ImportColumn c : List.of(ImportColumn.SOURCE_REF, ImportColumn.TITLE, ImportColumn.DESCRIPTION,
                ImportColumn.ADDRESS, ImportColumn.PARTY_NAME)) {
            if (row.get(c) != null && !TextHygiene.isClean(row.get(c))) {
                refuse.accept(c, problems.text("text.invalidCharacters"));
            }
        }
        String regionCode = row.get(ImportColumn.REGION_CODE);
        if (regionCode != null) {
            checkRegion(regionCode, locale).ifPresent(reason -> refuse.accept(ImportColumn.REGION_CODE, reason));
        }
        if (found.size() > before) {
            return Optional.empty();
        }
        RegisterCase command = new RegisterCase(channel, row.get(ImportColumn.SOURCE_REF), kind, categoryCode,
                disputeType, row.get(ImportColumn.TITLE), row.get(ImportColumn.DESCRIPTION),
                row.get(ImportColumn.ADDRESS), null, null, regionCode, people, amount, urgent, parties, null, null);
        try {
            problems.validate(command);
        } catch (ProblemMessages.Invalid e) {
            refuse.accept(ImportColumn.ofField(e.field()), e.text());
            return Optional.empty();
        }
        return Optional.of(new Candidate(row.number(), at, command));
    }

    /** Why the region code cannot take a case, if it cannot: unknown, above a county, or without a centre. */
    private Optional<String> checkRegion(String code, Locale locale) {
        if (!DivisionCode.isValid(code)) {
            return Optional.of(problems.text("region.code.invalid"));
        }
        Optional<Region> region = regions.find(code);
        if (region.isEmpty()) {
            return Optional.of(text(locale, "ledger.import.unknownRegion", code));
        }
        if (region.get().level().isAbove(RegionLevel.COUNTY)) {
            return Optional.of(problems.text("case.regionTooCoarse", region.get().name()));
        }
        DivisionCode place = region.get().level() == RegionLevel.GRID ? region.get().code().parent() : region.get().code();
        if (units.centreFor(place).isEmpty()) {
            return Optional.of(problems.text("case.noCentre", regions.pathName(place)));
        }
        return Optional.empty();
    }

    /** A category by code, by its full path (any separator), or by a name only one active category has. */
    private Category category(String given) {
        String value = given.strip();
        if (value.matches("\\d{2}|\\d{4}|\\d{7}")) {
            return categories.find(value).filter(Category::active).orElse(null);
        }
        String path = String.join(" / ", Arrays.stream(value.split("\\s*[/／>›\\\\|]+\\s*"))
                .filter(s -> !s.isBlank()).toList());
        List<Category> active = categories.list().stream().filter(Category::active).toList();
        Optional<Category> byPath = active.stream().filter(c -> c.path().equals(path)).findFirst();
        if (byPath.isPresent()) {
            return byPath.get();
        }
        List<Category> byName = active.stream().filter(c -> c.name().equals(value)).toList();
        return byName.size() == 1 ? byName.get(0) : null;
    }

    private String disputeType(String given) {
        for (DisputeType d : categories.disputeTypes()) {
            if (d.code().equalsIgnoreCase(given) || d.nameZh().equals(given) || d.nameEn().equalsIgnoreCase(given)) {
                return d.code();
            }
        }
        return null;
    }

    /** An enum constant by its code or its label in either language. */
    private <E extends Enum<E>> E choose(E[] values, String keyPrefix, String given) {
        for (E e : values) {
            if (e.name().equalsIgnoreCase(given.replace(' ', '_'))) {
                return e;
            }
            for (Locale l : LANGUAGES) {
                if (text(l, keyPrefix + e.name()).equalsIgnoreCase(given)) {
                    return e;
                }
            }
        }
        return null;
    }

    private <E extends Enum<E>> String notAllowed(Locale locale, String given, E[] values, String keyPrefix) {
        return text(locale, "ledger.import.unknownValue", given,
                String.join(separator(), Arrays.stream(values).map(e -> text(locale, keyPrefix + e.name())).toList()));
    }

    static Boolean yesNo(String given) {
        return switch (given.strip().toLowerCase(Locale.ROOT)) {
            case "是", "紧急", "y", "yes", "true", "1" -> Boolean.TRUE;
            case "否", "不紧急", "n", "no", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    static LocalDateTime parseTime(String given) {
        String s = given.strip().replaceAll("\\s+", " ");
        for (DateTimeFormatter f : TIMES) {
            try {
                return LocalDateTime.parse(s, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f).atStartOfDay();
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    String label(ImportColumn c) {
        return text(LocaleContextHolder.getLocale(), c.key());
    }

    private static String separator() {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage()) ? "、" : ", ";
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
