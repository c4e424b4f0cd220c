package org.fengqiao.intelligence.duplicates;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads message-board exports (UTF-8, tab-separated, header naming at least {@code id}, {@code title},
 * {@code time} and {@code detail}) into {@link Matter}s for evaluation and inspection. Such boards know no
 * regions or parties, so only words and time are filled in; other columns are ignored.
 *
 * <p>Times are read tolerantly, because exports mix formats: {@code 2019/1/8 10:00:00},
 * {@code 2019-01-08 10:00}, a date alone, or a spreadsheet serial day number such as {@code 43522.6}
 * (days since 1899-12-30), all as local time in {@link #ZONE}. A row whose time cannot be read is kept
 * with an unknown time and reported as a problem; a row with the wrong number of fields or no id is
 * skipped and reported.
 */
public final class BoardMessages {

    /** The zone of the local times in the files. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final LocalDate SPREADSHEET_EPOCH = LocalDate.of(1899, 12, 30);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("u/M/d H:m[:s]", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("u/M/d", Locale.ROOT);

    /**
     * What was read.
     *
     * @param matters  the rows, in file order
     * @param problems skipped rows and unreadable times, as {@code line N: reason}
     */
    public record Result(List<Matter> matters, List<String> problems) {
        /** Copies both lists. */
        public Result {
            matters = List.copyOf(matters);
            problems = List.copyOf(problems);
        }
    }

    private BoardMessages() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException if it cannot be read or the header lacks a required column
     */
    public static Result read(Path file) throws IOException {
        List<Matter> matters = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IOException(file + " is empty; expected a header with id, title, time and detail");
            }
            List<String> columns = List.of(header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).split("\t", -1));
            int id = required(columns, "id", file);
            int title = required(columns, "title", file);
            int time = required(columns, "time", file);
            int detail = required(columns, "detail", file);
            long lineNo = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != columns.size() || f[id].isBlank()) {
                    problems.add("line " + lineNo + ": expected " + columns.size() + " fields with an id; skipped");
                    continue;
                }
                Optional<Instant> at = parseTime(f[time]);
                if (at.isEmpty()) {
                    problems.add("line " + lineNo + ": unreadable time '" + f[time] + "'; kept without a time");
                }
                matters.add(Matter.ofText(f[id].strip(), f[title], f[detail], at.orElse(null)));
            }
        }
        return new Result(matters, problems);
    }

    /** The instant of a board time in any of the accepted formats, or empty. */
    public static Optional<Instant> parseTime(String raw) {
        String s = raw == null ? "" : raw.strip().replace('-', '/').replace('T', ' ');
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (s.matches("\\d{4,5}(\\.\\d+)?")) {
                double days = Double.parseDouble(s);
                long seconds = Math.round(days * 86_400);
                return Optional.of(SPREADSHEET_EPOCH.atStartOfDay().plusSeconds(seconds).atZone(ZONE).toInstant());
            }
            if (s.contains(" ")) {
                return Optional.of(LocalDateTime.parse(s, DATE_TIME).atZone(ZONE).toInstant());
            }
            return Optional.of(LocalDate.parse(s, DATE).atStartOfDay(ZONE).toInstant());
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int required(List<String> columns, String name, Path file) throws IOException {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IOException(file + ": the header must name id, title, time and detail; found " + columns);
        }
        return i;
    }
}
