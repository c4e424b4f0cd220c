package org.fengqiao.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fengqiao.intelligence.classification.Evaluation;
import org.fengqiao.intelligence.classification.LabeledText;
import org.fengqiao.intelligence.classification.Prediction;
import org.fengqiao.intelligence.classification.TextClassifier;
import org.fengqiao.intelligence.classification.TrainingData;
import org.fengqiao.intelligence.classification.TrainingOptions;

/**
 * {@code ./fengqiao train | classify | evaluate}: the request classifier from the command line, without
 * starting the platform.
 */
final class ClassifierCommands {

    static final String USAGE = """
            usage: ./fengqiao train --data FILE[,FILE...] --model MODEL [--taxonomy FILE] [--keep-duplicates]
                   ./fengqiao classify --model MODEL  < requests.tsv  > predictions.tsv
                   ./fengqiao evaluate --model MODEL --data FILE
            """;

    private ClassifierCommands() {
    }

    static int train(String[] args, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> o = CommandOptions.parse(args, List.of("--data", "--model", "--taxonomy"));
        if (!o.containsKey("--data") || !o.containsKey("--model")) {
            err.println(USAGE);
            return 2;
        }
        List<Path> files = Arrays.stream(o.get("--data").split(",")).map(String::strip).map(Path::of).toList();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println("no such file: " + f);
                return 2;
            }
        }
        long start = System.nanoTime();
        TrainingData.Result data = TrainingData.read(files);
        data.problems().forEach(p -> err.println("skipped " + p.source() + ":" + p.line() + ": " + p.reason()));
        List<LabeledText> examples = o.containsKey("--keep-duplicates") ? data.examples()
                : TrainingData.withoutNearDuplicates(data.examples());
        if (o.containsKey("--taxonomy")) {
            List<String> labels = examples.stream().map(LabeledText::label).distinct().toList();
            TrainingData.Result taxonomy = TrainingData.fromTaxonomy(Path.of(o.get("--taxonomy")), labels);
            examples = new ArrayList<>(examples);
            examples.addAll(taxonomy.examples());
        }
        if (examples.stream().map(LabeledText::label).distinct().count() < 2) {
            err.println("training needs examples of at least two labels; found " + examples.size() + " examples");
            return 1;
        }
        TextClassifier classifier = TextClassifier.train(examples, TrainingOptions.defaults());
        Path model = Path.of(o.get("--model"));
        if (model.toAbsolutePath().getParent() != null) {
            Files.createDirectories(model.toAbsolutePath().getParent());
        }
        try (OutputStream os = Files.newOutputStream(model)) {
            classifier.save(os);
        }
        out.printf(Locale.ROOT, "trained on %d examples (%d rows read, %d skipped) in %.1f s; %d labels: %s%nmodel: %s (%d bytes)%n",
                examples.size(), data.examples().size(), data.problems().size(), (System.nanoTime() - start) / 1e9,
                classifier.labels().size(), String.join(", ", classifier.labels()), model, Files.size(model));
        return 0;
    }

    static int classify(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> o = CommandOptions.parse(args, List.of("--model"));
        if (!o.containsKey("--model")) {
            err.println(USAGE);
            return 2;
        }
        TextClassifier classifier = load(Path.of(o.get("--model")));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null) {
            err.println("empty input: expected a header line with id and text (or title and detail)");
            return 1;
        }
        List<String> columns = List.of(header.replace("\uFEFF", "").split("\t", -1));
        int id = columns.indexOf("id");
        int text = columns.indexOf("text");
        int title = columns.indexOf("title");
        int detail = columns.indexOf("detail");
        if (id < 0 || text < 0 && (title < 0 || detail < 0)) {
            err.println("the header must name id and either text or title and detail; found: " + columns);
            return 1;
        }
        writer.write("id\tlabel\tconfidence\n");
        int bad = 0;
        long lineNo = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != columns.size()) {
                err.printf("line %d: expected %d columns, found %d; skipped%n", lineNo, columns.size(), f.length);
                bad++;
                continue;
            }
            Prediction p = text >= 0 ? classifier.classify(f[text]) : classifier.classify(f[title], f[detail]);
            writer.write(f[id] + "\t" + p.label() + "\t" + String.format(Locale.ROOT, "%.4f", p.confidence()) + "\n");
        }
        writer.flush();
        return bad == 0 ? 0 : 1;
    }

    static int evaluate(String[] args, PrintStream out, PrintStream err) throws IOException {
        Map<String, String> o = CommandOptions.parse(args, List.of("--model", "--data"));
        if (!o.containsKey("--model") || !o.containsKey("--data")) {
            err.println(USAGE);
            return 2;
        }
        TextClassifier classifier = load(Path.of(o.get("--model")));
        TrainingData.Result data = TrainingData.read(Path.of(o.get("--data")));
        data.problems().forEach(p -> err.println("skipped " + p.source() + ":" + p.line() + ": " + p.reason()));
        Evaluation evaluation = Evaluation.evaluate(classifier, data.examples());
        out.printf(Locale.ROOT, "%d examples%n", data.examples().size());
        out.println(evaluation.render());
        return 0;
    }

    private static TextClassifier load(Path model) throws IOException {
        if (!Files.isRegularFile(model)) {
            throw new IOException("no model file " + model + "; train one with ./fengqiao train");
        }
        try (InputStream in = Files.newInputStream(model)) {
            return TextClassifier.load(in);
        }
    }
}
