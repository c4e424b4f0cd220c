package org.fengqiao.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.fengqiao.cases.CaseCommands.PartyInput;
import org.fengqiao.cases.CaseCommands.RegisterCase;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseLists;
import org.fengqiao.cases.Channel;
import org.fengqiao.cases.PartyRole;
import org.fengqiao.categories.Categories;
import org.fengqiao.categories.Category;
import org.fengqiao.categories.DisputeType;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.platform.TextHygiene;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * Checks the rows of an import the way registration checks a form: each row becomes a registration command or
 * a list of problems (row, column, a reason a person can act on), and no work order may come in twice.
 */
@Component
class ImportRows {

    /** A row that passed, as the command that registers it at its original time. */
    record Candidate(int row, Instant at, RegisterCase command) {
    }

    /** One refusal of a row, by column (null: the row as a whole). */
    record Problem(int row, ImportColumn column, String reason) {
    }

    private static final List<DateTimeFormatter> TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-M-d H:m[:s]"), DateTimeFormatter.ofPattern("yyyy/M/d H:m[:s]"),
            DateTimeFormatter.ofPattern("yyyy.M.d H:m[:s]"), DateTimeFormatter.ofPattern("yyyy-M-d'T'H:m[:s]"),
            DateTimeFormatter.ofPattern("yyyy年M月d日 H:m[:s]"), DateTimeFormatter.ofPattern("yyyy年M月d日H时m分"),
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"), DateTimeFormatter.ofPattern("yyyyMMdd"));
    private static final Locale[] LANGUAGES = CaseImport.LANGUAGES;

    private final CaseLists queries;
    private final Regions regions;
    private final Units units;
    private final Categories categories;
    private final ProblemMessages problems;
    private final MessageSource messages;

    ImportRows(CaseLists queries, Regions regions, Units units, Categories categories, ProblemMessages problems,
               MessageSource messages) {
        this.queries = queries;
        this.regions = regions;
        this.units = units;
        this.categories = categories;
        this.problems = problems;
        this.messages = messages;
    }

    /** The same work order must not come in twice: neither twice in the file nor again after an earlier import. */
    void checkSourceRefs(List<CaseImport.Row> rows, Locale locale, List<Problem> found) {
        Map<String, Integer> firstRow = new HashMap<>();
        Map<Channel, Map<String, Integer>> fresh = new EnumMap<>(Channel.class);
        for (CaseImport.Row row : rows) {
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
    Optional<Candidate> check(CaseImport.Row row, Locale locale, Instant now, List<Problem> found) {
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

    private static String separator() {
        return CaseImport.separator();
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
