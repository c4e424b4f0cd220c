package org.fengqiao.cases;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fengqiao.risk.RiskLevel;
import org.fengqiao.platform.PlausibleDates;
import org.fengqiao.platform.ProblemException;

/**
 * The case list's query string as filters, sort order and page: one reading shared by the list page and the
 * ledger export, so that an export holds exactly the rows the list showed.
 */
public record CaseListQuery(CaseFilter filter, CaseFilter.Sort sort, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Reads the request parameters of {@code GET /cases}. */
    public static CaseListQuery of(Map<String, String[]> parameters) {
        Params p = new Params(parameters);
        CaseFilter filter = new CaseFilter(p.all("status", CaseStatus::valueOf), p.one("kind", CaseKind::valueOf),
                p.one("channel", Channel::valueOf), p.text("category"), p.text("disputeType"), p.text("region"), null,
                p.one("overdue", CaseListQuery::bool), p.one("from", v -> PlausibleDates.parse("from", v)), p.one("to", v -> PlausibleDates.parse("to", v)),
                p.text("q"), p.one("risk", RiskLevel::valueOf), p.one("supervised", CaseListQuery::bool), null,
                p.one("tray", Tray::valueOf));
        CaseFilter.Sort sort = p.one("sort", CaseFilter.Sort::valueOf);
        Integer page = p.one("page", Integer::valueOf);
        Integer size = p.one("size", Integer::valueOf);
        return new CaseListQuery(filter, sort == null ? CaseFilter.Sort.REGISTERED_DESC : sort,
                page == null ? 0 : Math.max(0, page), size == null ? DEFAULT_SIZE : Math.min(Math.max(size, 1), MAX_SIZE));
    }

    /** Reads a query string as the list page builds it (e.g. the export form's hidden {@code query}). */
    public static CaseListQuery parse(String queryString) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (queryString != null) {
            for (String pair : queryString.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
        return of(parameters);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ProblemException.InvalidInput("query", "problem.badParameter", "query", s);
        }
    }

    private static Boolean bool(String s) {
        return switch (s) {
            case "true", "on", "yes", "1" -> Boolean.TRUE;
            case "false", "off", "no", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(s);
        };
    }

    /** Request parameters, blank meaning absent; a malformed value is a 400 naming the parameter. */
    private record Params(Map<String, String[]> values) {

        String text(String name) {
            String[] v = values.get(name);
            if (v == null) {
                return null;
            }
            for (String s : v) {
                if (s != null && !s.isBlank()) {
                    return s.strip();
                }
            }
            return null;
        }

        <T> T one(String name, Function<String, T> parse) {
            String s = text(name);
            return s == null ? null : convert(name, s, parse);
        }

        <T> List<T> all(String name, Function<String, T> parse) {
            String[] v = values.get(name);
            if (v == null) {
                return List.of();
            }
            List<T> out = new ArrayList<>();
            for (String s : v) {
                if (s != null && !s.isBlank()) {
                    out.add(convert(name, s.strip(), parse));
                }
            }
            return out;
        }

        private static <T> T convert(String name, String s, Function<String, T> parse) {
            try {
                return parse.apply(s);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ProblemException.InvalidInput(name, "problem.badParameter", name, s);
            }
        }
    }
}
