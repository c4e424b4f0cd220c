package org.fengqiao.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import org.fengqiao.FengqiaoApplication;
import org.fengqiao.audit.AuditArchive;

/**
 * {@code ./fengqiao archive-audit --year=YEAR --to=FILE [--en]}: writes a year of the audit log that is past the
 * retention to a file and drops it from the database ({@link AuditArchive}); exits 1 when refused, 2 on usage.
 */
final class ArchiveAuditCommand {

    private ArchiveAuditCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        Integer year = null;
        Path file = null;
        List<String> springArgs = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--en")) {
                locale = Locale.ENGLISH;
            } else if (a.startsWith("--year=") && a.substring(7).matches("\\d{4}")) {
                year = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("--to=") && a.length() > 5) {
                file = Path.of(a.substring(5));
            } else {
                springArgs.add(a);
            }
        }
        try (ConfigurableApplicationContext context = FengqiaoApplication.startWithoutWeb(
                springArgs.toArray(String[]::new))) {
            if (year == null || file == null) {
                out.println(context.getMessage("records.archive.usage", null, locale));
                return 2;
            }
            try {
                AuditArchive.Archived a = context.getBean(AuditArchive.class).archive(year, file);
                out.println(context.getMessage("records.archive.done", new Object[] {String.valueOf(a.year()),
                        a.firstId(), a.lastId(), a.entries(), a.fileSm3(), a.lastHash()}, locale));
                return 0;
            } catch (AuditArchive.Refused r) {
                out.println(context.getMessage(r.key(), r.args(), locale));
                return 1;
            }
        }
    }
}
