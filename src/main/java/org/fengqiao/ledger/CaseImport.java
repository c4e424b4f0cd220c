package org.fengqiao.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.access.Actor;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.cases.CaseService;
import org.fengqiao.organisation.Role;
import org.fengqiao.platform.PlatformClock;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

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

    static final Locale[] LANGUAGES = {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH};

    private final CaseService cases;
    private final ImportRows rowCheck;
    private final ProblemMessages problems;
    private final MessageSource messages;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final LedgerJobs jobs;
    private final LedgerProperties properties;
    private final PlatformClock clock;

    CaseImport(CaseService cases, ImportRows rowCheck, ProblemMessages problems, MessageSource messages, AuditLog audit,
               PlatformTransactionManager transactionManager, LedgerJobs jobs, LedgerProperties properties,
               PlatformClock clock) {
        this.cases = cases;
        this.rowCheck = rowCheck;
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
        List<ImportRows.Problem> found = new ArrayList<>();
        List<ImportRows.Candidate> candidates = new ArrayList<>();
        phase(job, "ledger.job.checking", file.rows.size());
        for (Row row : file.rows) {
            rowCheck.check(row, locale, now, found).ifPresent(candidates::add);
            advance(job);
        }
        rowCheck.checkSourceRefs(file.rows, locale, found);
        if (!found.isEmpty()) {
            return report(file, found, List.of());
        }
        phase(job, "ledger.job.registering", candidates.size());
        List<Created> created = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (ImportRows.Candidate c : candidates) {
                try {
                    CaseService.Registration r = clock.at(c.at(), () -> cases.register(actor, c.command()));
                    created.add(new Created(c.row(), r.id(), r.trackingCode()));
                } catch (ProblemException e) {
                    found.add(new ImportRows.Problem(c.row(), e instanceof ProblemException.InvalidInput invalid
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

    private Report report(ImportFile file, List<ImportRows.Problem> found, List<Created> created) {
        List<RowProblem> list = found.stream()
                .sorted(Comparator.comparingInt(ImportRows.Problem::row)
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

    String label(ImportColumn c) {
        return text(LocaleContextHolder.getLocale(), c.key());
    }

    static String separator() {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage()) ? "、" : ", ";
    }

    String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
