package org.fengqiao.intelligence.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fengqiao.intelligence.text.ChineseSegmenter;
import org.fengqiao.intelligence.text.TextNormalizer;

/**
 * The terms of a request that say what it is about: HanLP's dictionary words of two or more characters
 * containing Chinese, plus the names the dictionary does not know.
 *
 * <p>HanLP's longest-match segmenter breaks a name missing from its dictionary into single characters — an
 * estate 伊景园 comes out as 伊 / 景 / 园, a village 金鼎村 as 金 / 鼎 / 村. Such names are exactly what tells one
 * local matter from another, so a run of adjacent single characters (two to {@value #MAX_RUN} of them, not
 * interrupted by punctuation or a dropped stop word) is kept as one term. Single characters that stand alone,
 * words without Chinese (numbers, anonymised codes) and the request boilerplate in {@link #BOILERPLATE} are
 * dropped.
 *
 * <p>Thread-safe.
 */
final class TopicTerms {

    /** Longer runs of unknown characters are rarely one name (garbled or listed text): dropped. */
    static final int MAX_RUN = 6;

    /**
     * Words that appear in requests of every subject — salutations, the act of asking, the addressee — and
     * would otherwise name many topics. Deliberately short: TF-IDF discounts common words already; these are
     * the ones that survive it because whole clusters of requests share the same polite frame.
     */
    static final Set<String> BOILERPLATE = Set.of(
            "问题", "反映", "咨询", "请问", "希望", "要求", "建议", "投诉", "举报", "关于", "情况", "处理", "解决",
            "相关", "部门", "有关", "领导", "书记", "市长", "局长", "您好", "你好", "尊敬", "谢谢", "感谢", "恳请",
            "请求", "严重", "一直", "至今", "现在", "目前", "已经", "为什么", "是否", "能否", "如何", "怎么",
            "什么", "市民", "群众", "我们", "本人", "大家", "回复", "何时", "加快", "尽快", "刻不容缓", "急需", "呼吁",
            "强烈");

    private final ChineseSegmenter segmenter;

    TopicTerms(ChineseSegmenter segmenter) {
        this.segmenter = segmenter;
    }

    /** The terms of {@code text} in order of appearance, repeated as often as they occur. */
    List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return terms;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inside = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inside && start < 0) {
                start = i;
            } else if (!inside && start >= 0) {
                addFragment(TextNormalizer.normalize(text.substring(start, i)), terms);
                start = -1;
            }
        }
        return terms;
    }

    /** One stretch of text between punctuation: words in order, single-character runs joined. */
    private void addFragment(String fragment, List<String> terms) {
        StringBuilder run = new StringBuilder();
        int runEnd = -1;
        int cursor = 0;
        for (String word : segmenter.words(fragment)) {
            int at = fragment.indexOf(word, cursor);
            if (at < 0) {
                at = cursor;
            }
            boolean single = word.length() == 1 && isHan(word.charAt(0));
            if (single && (run.isEmpty() || at == runEnd)) {
                run.append(word);
                runEnd = at + 1;
            } else {
                flush(run, terms);
                if (single) {
                    run.append(word);
                    runEnd = at + 1;
                } else if (word.length() >= 2 && hasHan(word) && !BOILERPLATE.contains(word)) {
                    terms.add(word);
                }
            }
            cursor = at + word.length();
        }
        flush(run, terms);
    }

    private static void flush(StringBuilder run, List<String> terms) {
        if (run.length() >= 2 && run.length() <= MAX_RUN) {
            terms.add(run.toString());
        }
        run.setLength(0);
    }

    static boolean hasHan(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (isHan(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
