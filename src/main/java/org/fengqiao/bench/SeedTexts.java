package org.fengqiao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fengqiao.intelligence.topics.MessageBoardFile;
import org.fengqiao.intelligence.topics.TopicItem;
import org.fengqiao.platform.ChinaTime;

/**
 * What seeded cases say: the titles and texts of real citizen messages ({@code messages-unlabeled.tsv} and
 * {@code messages-with-replies.tsv} of the shared data, read at run time, never stored anywhere but in the
 * benchmark's own database) or, without the shared data, two fixed templates with a number.
 *
 * <p>Real texts matter for the page figures: with templates every case shares nearly every word, which is the
 * worst case for the similar-case search and the best case for answers cached by text.
 */
record SeedTexts(List<String[]> texts, String source) {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 10_000;

    static SeedTexts from(Path sharedData) {
        List<String[]> texts = new ArrayList<>();
        for (String name : List.of("messages-unlabeled.tsv", "messages-with-replies.tsv")) {
            Path file = sharedData.resolve(name);
            if (Files.isReadable(file)) {
                texts.addAll(read(file));
            }
        }
        Path where = sharedData.toAbsolutePath().normalize();
        return texts.isEmpty()
                ? new SeedTexts(List.of(), "two templates (no message files in " + where + ")")
                : new SeedTexts(List.copyOf(texts), texts.size() + " message texts from " + where);
    }

    /** The title and description of seeded case number {@code i}. */
    String[] of(int i, boolean dispute) {
        if (texts.isEmpty()) {
            return new String[] {"示例事项 " + i + (dispute ? "：邻里因通道堆物发生纠纷" : "：咨询社保缴费政策"),
                    "群众反映的示例事项，编号 " + i + "，用于性能测试。"};
        }
        String[] t = texts.get(Math.floorMod(i, texts.size()));
        return new String[] {t[0], t[1]};
    }

    /** The messages of a file in the message-board format, as title and description clipped to the form's limits. */
    private static List<String[]> read(Path file) {
        List<String[]> texts = new ArrayList<>();
        try {
            for (TopicItem item : MessageBoardFile.read(file, ChinaTime.ZONE).items()) {
                if (item.title().isBlank()) {
                    continue;
                }
                String t = clip(item.title().strip(), MAX_TITLE);
                String d = item.text().isBlank() ? t : clip(item.text().strip(), MAX_DESCRIPTION);
                texts.add(new String[] {t, d});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
