package org.fengqiao.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import org.fengqiao.FengqiaoApplication;
import org.fengqiao.backup.DatabaseBackup;

/**
 * {@code ./fengqiao backup FILE} and {@code ./fengqiao restore FILE [--replace]}: a consistent copy of the database
 * (attachments included; personal data encrypted; the key's fingerprint, not the key) and its restore. Run them
 * with the platform stopped when it uses the embedded database.
 */
final class BackupCommands {

    private BackupCommands() {
    }

    static int backup(String[] args) throws Exception {
        List<String> spring = new ArrayList<>();
        Path file = file(args, spring, "backup FILE");
        if (file == null) {
            return 2;
        }
        if (Files.exists(file)) {
            System.err.println(file + " exists; choose a new file name");
            return 2;
        }
        try (ConfigurableApplicationContext context = FengqiaoApplication.startWithoutWeb(spring.toArray(String[]::new))) {
            Path temp = file.resolveSibling(file.getFileName() + ".part");
            DatabaseBackup.Manifest m;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                m = context.getBean(DatabaseBackup.class).write(out);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            long rows = m.tables().stream().mapToLong(DatabaseBackup.Table::rows).sum();
            System.out.printf("backup %s: schema version %s, %d tables, %d rows, data key fingerprint %s%n"
                    + "the data key is not in the backup: keep a copy of the key file with this fingerprint%n",
                    file, m.schemaVersion(), m.tables().size(), rows, m.keyFingerprint());
            return 0;
        }
    }

    static int restore(String[] args) throws Exception {
        List<String> spring = new ArrayList<>();
        boolean replace = List.of(args).contains("--replace");
        Path file = file(List.of(args).stream().filter(a -> !a.equals("--replace")).toArray(String[]::new), spring,
                "restore FILE [--replace]");
        if (file == null) {
            return 2;
        }
        try (ConfigurableApplicationContext context = FengqiaoApplication.startWithoutWeb(spring.toArray(String[]::new))) {
            DatabaseBackup backups = context.getBean(DatabaseBackup.class);
            long cases = backups.casesHeld();
            if (cases > 0 && !replace) {
                System.err.println("this database holds " + cases + " cases; add --replace to replace them all");
                return 2;
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                DatabaseBackup.Manifest m = backups.restore(in);
                System.out.printf("restored %s of %s: %d tables%n", file, m.createdAt(), m.tables().size());
                return 0;
            } catch (DatabaseBackup.Refused e) {
                System.err.println("not restored, nothing changed: " + e.getMessage());
                return 1;
            }
        }
    }

    private static Path file(String[] args, List<String> spring, String usage) {
        Path file = null;
        for (String a : args) {
            if (a.startsWith("--")) {
                spring.add(a);
            } else if (file == null) {
                file = Path.of(a);
            } else {
                file = null;
                break;
            }
        }
        if (file == null) {
            System.err.println("usage: ./fengqiao " + usage);
        }
        return file;
    }
}
