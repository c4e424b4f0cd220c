package org.fengqiao.laws;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads law texts in the Markdown form of the LawRefBook collection: a {@code # } title line (a code published in
 * parts has a second {@code # } line naming the part), notes on its adoption and amendments, the line
 * {@code <!-- INFO END -->}, then headings ({@code ##} chapters, {@code ###} sections, …) and articles, each a
 * paragraph beginning {@code 第…条} and a space, possibly followed by further paragraphs (its items). Paragraphs
 * before the first article (a preamble) are left out. Anything else is refused with the file and line.
 */
public final class LawFiles {

    public static final String INFO_END = "<!-- INFO END -->";
    private static final Pattern ARTICLE = Pattern.compile("^第([零〇一二三四五六七八九十百千]+)条(?:[ \\u3000]+(.*))?$");
    private static final Pattern LOOKS_LIKE_ARTICLE = Pattern.compile("^第\\S{1,12}?条(?:[ \\u3000]|$)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})(?:[ \\u3000]+(.*))?$");
    private static final Pattern DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern FILE_DATE = Pattern.compile("\\((\\d{4}-\\d{2}-\\d{2})\\)");
    /** The largest law file read (the longest law of the collection, 民法典合同编, is about 140 KB). */
    public static final long MAX_BYTES = 2 * 1024 * 1024;

    private LawFiles() {
    }

    /** Every {@code .md} file of a directory, in name order; the first file in a wrong form stops the reading. */
    public static List<LawText> readDirectory(Path dir) throws IOException, LawFormatException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        List<LawText> laws = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (Files.size(file) > MAX_BYTES) {
                throw new LawFormatException(name, 0, "laws.format.tooLarge", MAX_BYTES / 1024 / 1024);
            }
            laws.add(parse(name, Files.readAllBytes(file)));
        }
        return laws;
    }

    /** A law file's bytes, which must be UTF-8 (a byte-order mark is allowed). */
    public static LawText parse(String fileName, byte[] bytes) throws LawFormatException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return parse(fileName, text);
        } catch (CharacterCodingException e) {
            throw new LawFormatException(fileName, 0, "laws.format.notUtf8");
        }
    }

    /** A law file's text. */
    public static LawText parse(String fileName, String content) throws LawFormatException {
        String[] lines = content.replace("\uFEFF", "").split("\r?\n", -1);
        Matcher first = HEADING.matcher(lines.length == 0 ? "" : lines[0].strip());
        if (!first.matches() || first.group(1).length() != 1 || blank(first.group(2))) {
            throw new LawFormatException(fileName, 1, "laws.format.title");
        }
        String title = first.group(2).strip();
        String part = null;
        LocalDate noted = null;
        int i = 1;
        for (; i < lines.length && !lines[i].strip().equals(INFO_END); i++) {
            String line = clean(lines[i]);
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                if (h.group(1).length() != 1 || part != null || blank(h.group(2))) {
                    throw new LawFormatException(fileName, i + 1, "laws.format.headingBeforeText");
                }
                part = h.group(2).strip();
            } else if (!line.contains("施行")) {
                // the version is the text's last adoption, amendment or publication, not when it took effect
                Matcher d = DATE.matcher(line);
                while (d.find()) {
                    noted = date(d.group(1), d.group(2), d.group(3), noted);
                }
            }
        }
        if (i >= lines.length) {
            throw new LawFormatException(fileName, 0, "laws.format.noInfoEnd", INFO_END);
        }
        TreeMap<Integer, String> headings = new TreeMap<>();
        List<LawText.Article> articles = new ArrayList<>();
        String label = null;
        int number = 0;
        int startLine = 0;
        String chapter = null;
        StringBuilder text = null;
        for (i = i + 1; i < lines.length; i++) {
            String line = clean(lines[i]);
            if (line.isEmpty()) {
                continue;
            }
            Matcher h = HEADING.matcher(line);
            Matcher a = ARTICLE.matcher(line);
            if (h.matches()) {
                int level = h.group(1).length();
                if (level == 1) {
                    throw new LawFormatException(fileName, i + 1, "laws.format.secondTitle");
                }
                headings.tailMap(level, true).clear();
                if (!blank(h.group(2))) {
                    headings.put(level, h.group(2).strip().replaceAll("[ \\u3000]+", " "));
                }
                continue;
            }
            if (a.matches() || LOOKS_LIKE_ARTICLE.matcher(line).find()) {
                int n = a.matches() ? ChineseNumber.parse(a.group(1)) : -1;
                if (n < 0) {
                    throw new LawFormatException(fileName, i + 1, "laws.format.badNumber");
                }
                if (n <= number) {
                    throw new LawFormatException(fileName, i + 1, "laws.format.outOfOrder",
                            "第" + a.group(1) + "条", label);
                }
                if (text != null) {
                    articles.add(article(fileName, startLine, number, label, chapter, text));
                }
                number = n;
                startLine = i + 1;
                label = "第" + a.group(1) + "条";
                chapter = headings.isEmpty() ? null : String.join(" › ", headings.values());
                text = new StringBuilder(a.group(2) == null ? "" : a.group(2).strip());
            } else if (text != null) {
                text.append(text.isEmpty() ? "" : "\n").append(line);
            }
        }
        if (text == null) {
            throw new LawFormatException(fileName, 0, "laws.format.noArticles");
        }
        articles.add(article(fileName, startLine, number, label, chapter, text));
        Matcher fileDate = FILE_DATE.matcher(fileName);
        LocalDate version = fileDate.find() ? LocalDate.parse(fileDate.group(1)) : noted;
        return new LawText(title, part, version, fileName, articles);
    }

    private static LawText.Article article(String file, int line, int number, String label, String chapter,
                                           StringBuilder text) throws LawFormatException {
        if (text.isEmpty()) {
            throw new LawFormatException(file, line, "laws.format.emptyArticle", label);
        }
        return new LawText.Article(number, label, chapter, text.toString());
    }

    private static LocalDate date(String y, String m, String d, LocalDate otherwise) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (java.time.DateTimeException e) {
            return otherwise;
        }
    }

    /** The line without zero-width spaces and surrounding white space (full-width included). */
    private static String clean(String line) {
        return line.replace("\u200B", "").strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
