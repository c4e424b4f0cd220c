package org.fengqiao.laws;

import java.time.LocalDate;
import java.util.List;

/**
 * A law as read from its file: title, the part for a code published in parts (民法典 · 婚姻家庭编), its version date,
 * the file it came from and its articles in order.
 *
 * @param versionDate the date in the file name, else the last date of the notes above the text, else null
 */
public record LawText(String title, String part, LocalDate versionDate, String source, List<Article> articles) {

    /**
     * One article.
     *
     * @param number  its number, 28 for 第二十八条
     * @param label   as the law writes it, 第二十八条
     * @param chapter the headings it stands under (第四章 调解程序 › 第一节 …), or null
     * @param text    its paragraphs joined by line breaks, without the label
     */
    public record Article(int number, String label, String chapter, String text) {
    }

    public LawText {
        articles = List.copyOf(articles);
    }

    /** What identifies the law across versions: its title and part. A re-import replaces the law of the same key. */
    public String key() {
        return part == null ? title : title + "·" + part;
    }

    /** The name people cite: the title without 中华人民共和国, with its part (民法典婚姻家庭编). */
    public String shortTitle() {
        return shortTitle(title, part);
    }

    static String shortTitle(String title, String part) {
        String t = title.startsWith("中华人民共和国") ? title.substring("中华人民共和国".length()) : title;
        return part == null ? t : t + part;
    }
}
