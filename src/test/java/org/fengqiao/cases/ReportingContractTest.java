package org.fengqiao.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Other modules read cases only through the reporting views of {@code V18__case_reporting_views.sql}
 * ({@code case_report}, {@code case_event_report}, {@code case_suggestion_report}, {@code case_mediation_report}),
 * never the tables of the cases module, and name statuses through {@link CaseStatus}, never as string literals.
 * The structure test cannot see SQL strings; this test reads the sources.
 */
class ReportingContractTest {

    /** The tables the cases module owns. */
    static final List<String> CASE_TABLES = List.of("cases", "case_event", "case_suggestion", "case_party", "case_unit",
            "case_text", "case_attachment", "case_evaluation", "case_revisit", "mediation_session",
            "mediation_agreement", "extension_request", "supervision_notice", "saved_view");

    static final Pattern TABLE_IN_SQL = Pattern.compile("\\b(?:from|join|into|update|table)\\s+("
            + String.join("|", CASE_TABLES) + ")\\b(?!_)", Pattern.CASE_INSENSITIVE);

    static final Pattern STATUS_LITERAL = Pattern.compile("'(" + String.join("|",
            java.util.Arrays.stream(CaseStatus.values()).map(Enum::name).toList()) + ")'");

    static final Path MAIN = Path.of("src/main/java");
    static final Path CASES = MAIN.resolve("org/fengqiao/cases");
    /**
     * Named exceptions, each with its reason: the crash benchmark moves deadlines into the past behind the
     * platform's back, as downtime would leave them (its reads use the views).
     */
    static final Map<String, String> EXCEPTIONS = Map.of("org/fengqiao/bench/CrashCheck.java",
            "update cases set accept_due_at");
    /** Migrations own the schema and may name any table. */
    static final Path MIGRATIONS = MAIN.resolve("db/migration");

    @Test
    void noSqlOutsideTheCasesModuleNamesItsTables() throws IOException {
        assertThat(findings(TABLE_IN_SQL)).as("SQL outside org.fengqiao.cases naming its tables (use the"
                + " case_*_report views)").isEmpty();
    }

    @Test
    void noSqlOutsideTheCasesModuleSpellsAStatusAsALiteral() throws IOException {
        assertThat(findings(STATUS_LITERAL)).as("status literals outside org.fengqiao.cases (use CaseStatus.sqlIn)")
                .isEmpty();
    }

    @Test
    void theRulesRecogniseWhatTheyForbidAndAllowTheViews() {
        assertThat(TABLE_IN_SQL.matcher("select count(*) from cases c where").find()).isTrue();
        assertThat(TABLE_IN_SQL.matcher("from case_event e join cases c on c.id = e.case_id").find()).isTrue();
        assertThat(TABLE_IN_SQL.matcher("left join case_suggestion s on s.case_id = c.id").find()).isTrue();
        assertThat(TABLE_IN_SQL.matcher("insert into supervision_notice (case_id)").find()).isTrue();
        assertThat(TABLE_IN_SQL.matcher("from case_report c join case_event_report e on e.case_id = c.id"
                + " left join case_suggestion_report s on true").find()).isFalse();
        assertThat(TABLE_IN_SQL.matcher("select id from case_report where status = ?").find()).isFalse();
        assertThat(STATUS_LITERAL.matcher("c.status not in ('REGISTERED', 'MERGED')").find()).isTrue();
    }

    @Test
    void theCasesModuleStatesEachContractConditionOnce() {
        assertThat(CaseStatus.sqlIn("c.status", CaseStatus::isOpen))
                .isEqualTo("c.status in ('REGISTERED', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED')");
    }

    private static List<String> findings(Pattern pattern) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(CASES) && !f.startsWith(MIGRATIONS)).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    Matcher m = pattern.matcher(lines.get(i));
                    String allowed = EXCEPTIONS.get(MAIN.relativize(file).toString().replace('\\', '/'));
                    if (m.find() && !(allowed != null && lines.get(i).contains(allowed))) {
                        found.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        return found;
    }
}
