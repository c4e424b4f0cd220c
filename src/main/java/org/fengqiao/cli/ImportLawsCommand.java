package org.fengqiao.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import org.fengqiao.FengqiaoApplication;
import org.fengqiao.laws.LawFiles;
import org.fengqiao.laws.LawFormatException;
import org.fengqiao.laws.LawLibrary;
import org.fengqiao.laws.LawText;

/**
 * {@code ./fengqiao import-laws DIR}: reads every {@code .md} law file of a directory and imports them in one
 * transaction, each replacing its law's earlier version; a file not in the expected form stops it with the file
 * and line, and nothing is imported.
 */
final class ImportLawsCommand {

    private ImportLawsCommand() {
    }

    static int run(String[] args) throws Exception {
        String dir = null;
        List<String> springArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                springArgs.add(arg);
            } else if (dir == null) {
                dir = arg;
            } else {
                System.err.println("unexpected argument: " + arg);
                return 2;
            }
        }
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            System.err.println("usage: ./fengqiao import-laws DIR   (a directory of law files in Markdown, *.md)");
            return 2;
        }
        List<LawText> laws;
        try {
            laws = LawFiles.readDirectory(Path.of(dir));
        } catch (LawFormatException e) {
            var bundle = java.util.ResourceBundle.getBundle("i18n/laws", java.util.Locale.ROOT);
            String reason = new java.text.MessageFormat(bundle.getString(e.messageKey()), java.util.Locale.ROOT)
                    .format(e.args());
            System.err.println("nothing imported: " + e.file() + (e.line() > 0 ? " line " + e.line() : "") + ": "
                    + reason);
            return 1;
        }
        if (laws.isEmpty()) {
            System.err.println("no .md files in " + dir);
            return 1;
        }
        try (ConfigurableApplicationContext context = FengqiaoApplication.startWithoutWeb(springArgs.toArray(String[]::new))) {
            LawLibrary.ImportReport report = context.getBean(LawLibrary.class).importLaws(laws, null);
            report.imported().forEach(l -> System.out.printf("imported %s (%s, %d articles)%n", l.key(),
                    l.versionDate() == null ? "no date" : l.versionDate(), l.articles()));
            System.out.printf("%d laws imported, %d replaced an earlier version%n", report.imported().size(),
                    report.replaced());
            return 0;
        }
    }
}
