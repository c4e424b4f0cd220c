package org.fengqiao.intelligence.topics;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads citizen messages from a UTF-8, tab-separated file with a header — columns {@code id}, {@code title},
 * {@code time}, {@code detail} and optionally {@code likes} (the votes; {@code against} and other columns are
 * ignored, never read into an item) — as in the public message-board data the project evaluates on.
 *
 * <p>Times are read tolerantly, as local time of the given zone: {@code 2019/1/8 10:00:00} (also without
 * seconds, or a date alone), ISO {@code 2019-01-08 10:00:00} or {@code 2019-01-08T10:00}, and Excel serial day
 * numbers such as {@code 43782.4724} (a spreadsheet that once held the file turned some times into these).
 * Rows with a time none of these read, a missing id or the wrong number of fields are skipped and reported.
 *
 * <p>That data anonymises places as codes: the city as {@code A市}, its districts and counties as
 * {@code A1区} … {@code A9市}, places elsewhere as {@code B市}, {@code K9县} and the like. A message's area is
 * the first district code of its title, else of its body; all place codes are then taken out of the title and
 * body, because they are placeholders rather than words and would otherwise glue onto the names next to them.
 */
public final class MessageBoardFile {

    /** A district or county of the city the board serves, e.g. A3区, A7县, A9市. */
    static final Pattern DISTRICT = Pattern.compile("(?<![A-Za-z0-9])A\\d{1,2}[区县市]");
    /** Any anonymised place code: a capital letter, perhaps digits, and 市, 区 or 县. */
    static final Pattern PLACE_CODE = Pattern.compile("(?<![A-Za-z0-9])[A-Z]\\d{0,2}[市区县]");

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");
    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-M-d H:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-M-d H:mm", Locale.ROOT),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy/M/d", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-M-d", Locale.ROOT));

    private MessageBoardFile() {
    }

    /** A skipped row: its 1-based line number (the header is line 1) and why. */
    public record Problem(long line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** The items read, in file order, and the rows skipped. */
    public record Result(List<TopicItem> items, List<Problem> problems) {
        public Result {
            items = List.copyOf(items);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads the file.
     *
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when the header lacks id, title, time or detail
     */
    public static Result read(Path file, ZoneId zone) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException("empty file: expected a header with id, title, time and detail");
            }
            List<String> columns = List.of(header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).split("\t", -1));
            int id = columns.indexOf("id");
            int title = columns.indexOf("title");
            int time = columns.indexOf("time");
            int detail = columns.indexOf("detail");
            int likes = columns.indexOf("likes");
            if (id < 0 || title < 0 || time < 0 || detail < 0) {
                throw new IllegalArgumentException("the header must name id, title, time and detail; found " + columns);
            }
            List<TopicItem> items = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            long lineNo = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != columns.size()) {
                    problems.add(new Problem(lineNo, "expected " + columns.size() + " fields, found " + f.length));
                    continue;
                }
                Optional<Instant> when = parseTime(f[time], zone);
                if (when.isEmpty()) {
                    problems.add(new Problem(lineNo, "unreadable time '" + f[time] + "'"));
                    continue;
                }
                if (f[id].isBlank()) {
                    problems.add(new Problem(lineNo, "no id"));
                    continue;
                }
                String area = areaOf(f[title]).or(() -> areaOf(f[detail])).orElse(null);
                items.add(new TopicItem(f[id].strip(), withoutPlaceCodes(f[title]), withoutPlaceCodes(f[detail]),
                        when.get(), area, likes < 0 ? 0 : votes(f[likes])));
            }
            return new Result(items, problems);
        }
    }

    /** The time in one of the accepted forms, as local time in {@code zone}. */
    static Optional<Instant> parseTime(String text, ZoneId zone) {
        String s = text.strip();
        if (SERIAL.matcher(s).matches()) {
            double days = Double.parseDouble(s);
            long seconds = Math.round((days - Math.floor(days)) * 86_400);
            return Optional.of(EXCEL_EPOCH.plusDays((long) Math.floor(days)).atStartOfDay().plusSeconds(seconds)
                    .atZone(zone).toInstant());
        }
        for (DateTimeFormatter f : FORMATS) {
            try {
                return Optional.of(LocalDateTime.parse(s, f).atZone(zone).toInstant());
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return Optional.of(LocalDate.parse(s, f).atStartOfDay(zone).toInstant());
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    static Optional<String> areaOf(String text) {
        Matcher m = DISTRICT.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    static String withoutPlaceCodes(String text) {
        return PLACE_CODE.matcher(text).replaceAll(" ");
    }

    private static int votes(String text) {
        try {
            return Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
