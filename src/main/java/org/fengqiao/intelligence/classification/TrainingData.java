package org.fengqiao.intelligence.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads labelled texts from UTF-8, tab-separated files with a header line.
 *
 * <p>The header must name a {@code label} column and either a {@code text} column or
 * {@code title} and {@code detail} columns (joined by {@link TextClassifier#requestText}, as
 * requests are at classification time); other columns are ignored, and column names are
 * case-insensitive. Fields are not quoted: tabs and line
 * breaks inside texts must have been replaced beforehand. Rows with the wrong number of fields, a
 * blank label or a blank text are skipped and reported, so one bad row does not lose a file.
 *
 * <p>Besides labelled files, two other training sources are available, each an explicit call:
 * {@link #fromTaxonomy(Path, Collection)} turns the official category tree into short labelled
 * examples, and {@link #withoutNearDuplicates(List)} keeps one text of each group of near-duplicate
 * texts. {@link #standardRecipe(Path, Path)} combines them the way the shipped figures were
 * measured.
 */
public final class TrainingData {

    /**
     * A row that was skipped.
     *
     * @param source the file (or other source) name
     * @param line   the 1-based line number, the header being line 1
     * @param reason why the row was skipped
     */
    public record RowProblem(String source, long line, String reason) {
        @Override
        public String toString() {
            return source + ":" + line + ": " + reason;
        }
    }

    /**
     * What was read.
     *
     * @param examples the well-formed rows, in file order
     * @param problems the skipped rows, in file order
     */
    public record Result(List<LabeledText> examples, List<RowProblem> problems) {
        /** Copies both lists so the record is immutable. */
        public Result {
            examples = List.copyOf(examples);
            problems = List.copyOf(problems);
        }
    }

    private TrainingData() {
    }

    /**
     * Reads every file in order and concatenates their examples and problems.
     *
     * @throws IOException if a file cannot be read or its header lacks the required columns
     */
    public static Result read(Path... files) throws IOException {
        return read(Arrays.asList(files));
    }

    /** As {@link #read(Path...)}, for a list of files. */
    public static Result read(List<Path> files) throws IOException {
        List<LabeledText> examples = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Result result = read(reader, file.toString());
                examples.addAll(result.examples());
                problems.addAll(result.problems());
            }
        }
        return new Result(examples, problems);
    }

    /**
     * Reads one TSV document; {@code source} names it in problems and messages.
     *
     * @throws IOException if reading fails or the header lacks the required columns
     */
    public static Result read(Reader reader, String source) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String header = lines.readLine();
        if (header == null) {
            throw new IOException(source + ": empty file, expected a header line");
        }
        Columns columns = Columns.parse(stripByteOrderMark(header), source);
        List<LabeledText> examples = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        eachRow(lines, source, columns.count(), problems, (fields, lineNumber) -> {
            String label = fields[columns.label()].strip();
            String text = columns.text(fields);
            if (label.isEmpty()) {
                problems.add(new RowProblem(source, lineNumber, "blank label"));
            } else if (text.isBlank()) {
                problems.add(new RowProblem(source, lineNumber, "blank text"));
            } else {
                examples.add(new LabeledText(label, text));
            }
        });
        return new Result(examples, problems);
    }

    /** What to do with one data row: its fields and its line number (the header is line 1). */
    @FunctionalInterface
    private interface RowReader {
        void read(String[] fields, long lineNumber);
    }

    /**
     * Hands each non-blank line after the header to {@code row}, split at tabs; a line with other than
     * {@code width} fields becomes a problem instead.
     */
    private static void eachRow(BufferedReader lines, String source, int width, List<RowProblem> problems,
                                RowReader row) throws IOException {
        long lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != width) {
                problems.add(new RowProblem(source, lineNumber,
                        "expected " + width + " tab-separated fields, found " + fields.length));
                continue;
            }
            row.read(fields, lineNumber);
        }
    }

    /**
     * The default training recipe for 12345-style message data, as measured in the README: the
     * labelled file(s) {@code trainingFile}, reduced by {@link #withoutNearDuplicates(List)}, followed
     * by the category tree {@code taxonomyFile} read by {@link #fromTaxonomy(Path, Collection)} for
     * the labels that occur in the training file. Problems of both sources are reported together.
     *
     * @param trainingFile a labelled file ({@code label} + {@code text}, or {@code label} +
     *                     {@code title} + {@code detail})
     * @param taxonomyFile the category tree ({@code level1}, {@code level2}, {@code level3})
     * @throws IOException if a file cannot be read or lacks the required columns
     */
    public static Result standardRecipe(Path trainingFile, Path taxonomyFile) throws IOException {
        Result labelled = read(trainingFile);
        List<String> labels = labelled.examples().stream().map(LabeledText::label).distinct().toList();
        Result taxonomy = fromTaxonomy(taxonomyFile, labels);
        List<LabeledText> examples = new ArrayList<>(withoutNearDuplicates(labelled.examples()));
        examples.addAll(taxonomy.examples());
        List<RowProblem> problems = new ArrayList<>(labelled.problems());
        problems.addAll(taxonomy.problems());
        return new Result(examples, problems);
    }

    /**
     * Turns a category tree into short labelled examples: prior knowledge of which topics belong to
     * which first-level category (for instance 卫生计生 › 食品药品监管 › 保健品化妆品管理), useful for
     * topics the labelled texts cover thinly.
     *
     * <p>The file is UTF-8 TSV with a header naming {@code level1}, {@code level2} and
     * {@code level3} columns. Each row whose {@code level1} is in {@code labels} gives the example
     * (level1, "level2 level3"), and the first row of each second-level category also gives
     * (level1, "level2"); names that are just 其他 ("other") are left out of the texts, and a row
     * left with no text gives nothing. Rows of other first-level categories are skipped without a
     * problem, since a classifier should not learn categories it has no real examples of.
     *
     * @param file   the category tree
     * @param labels the first-level categories to keep; empty keeps all
     * @throws IOException if the file cannot be read or its header lacks the columns
     */
    public static Result fromTaxonomy(Path file, Collection<String> labels) throws IOException {
        Set<String> keep = new HashSet<>();
        labels.forEach(label -> keep.add(label.strip()));
        String source = file.toString();
        List<LabeledText> examples = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = lines.readLine();
            if (header == null) {
                throw new IOException(source + ": empty file, expected a header line");
            }
            List<String> names = Arrays.stream(stripByteOrderMark(header).split("\t", -1))
                    .map(n -> n.strip().toLowerCase()).toList();
            int level1 = names.indexOf("level1");
            int level2 = names.indexOf("level2");
            int level3 = names.indexOf("level3");
            if (level1 < 0 || level2 < 0 || level3 < 0) {
                throw new IOException(source + ": header must have 'level1', 'level2' and 'level3' columns, found "
                        + names);
            }
            Set<String> seenLevel2 = new LinkedHashSet<>();
            eachRow(lines, source, names.size(), problems, (fields, lineNumber) -> {
                String label = fields[level1].strip();
                if (label.isEmpty()) {
                    problems.add(new RowProblem(source, lineNumber, "blank level1"));
                    return;
                }
                if (!keep.isEmpty() && !keep.contains(label)) {
                    return;
                }
                String second = meaningful(fields[level2]);
                String third = meaningful(fields[level3]);
                if (!third.isEmpty()) {
                    examples.add(new LabeledText(label, (second + " " + third).strip()));
                }
                if (!second.isEmpty() && seenLevel2.add(label + "\t" + second)) {
                    examples.add(new LabeledText(label, second));
                }
            });
        }
        return new Result(examples, problems);
    }

    /** A category name, or "" for a blank name or the catch-all 其他. */
    private static String meaningful(String name) {
        String n = name.strip();
        return n.equals(OTHER) ? "" : n;
    }

    private static final String OTHER = "其他";

    /**
     * Keeps the first text of each group of near-duplicates (estimated character-trigram Jaccard
     * similarity of at least 0.3, MinHash), in the original order, so that a complaint posted many
     * times does not outweigh topics raised once. Texts are compared after normalisation, so
     * pre-segmented and raw texts can be mixed. Deterministic; quadratic in the number of texts
     * (about 2 s for 7,600 texts).
     */
    public static List<LabeledText> withoutNearDuplicates(List<LabeledText> examples) {
        int[] groups = NearDuplicates.groupsOf(examples.stream().map(LabeledText::text).toList());
        Set<Integer> seen = new HashSet<>();
        List<LabeledText> kept = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            if (seen.add(groups[i])) {
                kept.add(examples.get(i));
            }
        }
        return kept;
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Positions of the columns this reader uses; {@code text} is -1 when title and detail are used. */
    private record Columns(int count, int label, int text, int title, int detail) {

        static Columns parse(String header, String source) throws IOException {
            List<String> names = Arrays.stream(header.split("\t", -1)).map(n -> n.strip().toLowerCase()).toList();
            int label = names.indexOf("label");
            int text = names.indexOf("text");
            int title = names.indexOf("title");
            int detail = names.indexOf("detail");
            if (label < 0 || (text < 0 && (title < 0 || detail < 0))) {
                throw new IOException(source + ": header must have a 'label' column and either 'text' or"
                        + " 'title' and 'detail' columns, found " + names);
            }
            return new Columns(names.size(), label, text, title, detail);
        }

        String text(String[] fields) {
            if (text >= 0) {
                return fields[text].strip();
            }
            return TextClassifier.requestText(fields[title], fields[detail]);
        }
    }
}
