package org.fengqiao.openboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Person names in Chinese text: HanLP's name recognition (the role-tagging model shipped with HanLP portable),
 * kept to what reads as a name — a common surname first, two to four characters, not a title (胡书记), not the
 * start of a place or organisation (金帆路, 利保开发商) — plus names half-masked by their writer (李*宸).
 * Plain Java; measured on hand-labelled public messages (BENCHMARKS.md).
 */
public final class PersonNames {

    /** The common single surnames (about 95 % of the population) and the usual compound ones. */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾"
            + "夏韦白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵严覃武戴孔汤常温康施文牛樊葛邢安易乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿兰焦俞"
            + "左柳甘祝包宁符舒阮柯纪梅童凌毕单季裴霍涂苗盛曲翁冉骆蓝游辛靳柴蒙鲍华喻祁蒲滕屈饶解牟艾尤阳穆农司卓古吉缪简芦麦褚娄窦戚岑"
            + "景宫卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑邝官封谈匡鞠惠荆乐郁南班储燕冼蔺郜"
            + "海阚强帅朴廉禹祖巴丰卿国狄平晋云晁邸邰逯嵇戎揭尉冶檀阴昝智奉";
    private static final Set<String> COMPOUND = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "轩辕", "南宫", "独孤");
    /** Words that make a "name" a form of address or a role, not a name. */
    private static final Pattern TITLE = Pattern.compile(".*(书记|市长|县长|区长|镇长|乡长|村长|局长|厅长|处长|科长|主任|"
            + "院长|校长|老师|医生|师傅|老板|先生|女士|小姐|总|经理|同志|警官|律师|会计|阿姨|叔叔|大爷|老|某|氏)$");
    /** Characters that, following a found "name", show it was the start of a place, building, firm or road. */
    private static final String PLACE_AFTER = "路街道巷村镇乡区县市省州湾湖山岭桥园苑庄港坪塘冲坡寨洲岛江河溪坝场厂店"
            + "府楼城院馆寺庙宫堂门口营屯队组社厦广集小中大学站所局委";
    private static final Pattern HALF_MASKED = Pattern.compile(
            "([" + SURNAMES + "])[*＊]{1,2}([\\u4e00-\\u9fa5])");

    /** Last characters of place and building names (金润村, 黄兴镇, 白马桥). */
    private static final String PLACE_END = "路街道巷村镇乡区县市省州湾湖山岭桥园苑庄港坪塘坡寨洲岛江河溪坝场厂店府楼城院馆寺庙宫堂营屯洞";
    /** Single characters that, after a two-character name, are words of their own (王明说, 刘健在). */
    private static final String FUNCTION_CHARS = "的了在是和与说等为于及给把被对向从到也都就又还要会能让叫请将已称因以由所并而或跟同家";

    private final Segment segment;

    public PersonNames() {
        this.segment = HanLP.newSegment().enableNameRecognize(true).enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false).enablePlaceRecognize(false).enableOrganizationRecognize(false)
                .enableCustomDictionary(false).enableOffset(true);
    }

    /** The spans of person names in the text, leftmost first. */
    public List<SensitivePatterns.Span> find(String text) {
        List<SensitivePatterns.Span> spans = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return spans;
        }
        List<Term> terms = segment.seg(text);
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (t.nature != null && t.nature.startsWith("nr") && t.word.length() == 1 && i + 2 <= terms.size()
                    && SURNAMES.indexOf(t.word.charAt(0)) >= 0 && extendsName(terms.get(i + 1).word)
                    && (i + 2 == terms.size() || endsName(terms.get(i + 2)))) {
                // a surname and a one-character given name the model split (刘|璐，王|焯，)
                spans.add(new SensitivePatterns.Span(t.offset, t.offset + 2, SensitiveKind.PERSON_NAME));
                continue;
            }
            if (t.nature != null && t.nature.startsWith("nr") && t.word.length() == 3 && t.word.endsWith("家")) {
                t = new Term(t.word.substring(0, 2), t.nature); // 邓正家南面: his home
                t.offset = terms.get(i).offset;
            }
            if (t.nature != null && t.nature.startsWith("nr") && readsAsName(text, t.word, t.offset)) {
                int end = t.offset + t.word.length();
                // the role model often stops one character short of a three-character name (刘健|三, 杨俐|陵)
                if (t.word.length() == 2 && i + 1 < terms.size() && extendsName(terms.get(i + 1).word)) {
                    if (TITLE.matcher(t.word + terms.get(i + 1).word).matches()) {
                        continue; // 陈师|傅: a form of address
                    }
                    end++;
                }
                spans.add(new SensitivePatterns.Span(t.offset, end, SensitiveKind.PERSON_NAME));
            }
        }
        Matcher m = HALF_MASKED.matcher(text);
        while (m.find()) {
            spans.add(new SensitivePatterns.Span(m.start(), m.end(), SensitiveKind.PERSON_NAME));
        }
        return Spans.resolve(spans);
    }

    private static boolean endsName(Term next) {
        return next.nature != null && next.nature.startsWith("w")
                || next.word.length() == 1 && FUNCTION_CHARS.indexOf(next.word) >= 0;
    }

    private static boolean extendsName(String next) {
        return next.length() == 1 && Character.isIdeographic(next.codePointAt(0)) && FUNCTION_CHARS.indexOf(next) < 0
                && PLACE_AFTER.indexOf(next) < 0;
    }

    private static boolean isWord(String two) {
        CoreDictionary.Attribute a = CoreDictionary.get(two);
        return a != null && java.util.Arrays.stream(a.nature).noneMatch(n -> n.startsWith("nr"));
    }

    static boolean isCompoundSurname(String two) {
        return COMPOUND.contains(two);
    }

    static boolean readsAsName(String text, String word, int offset) {
        int n = word.length();
        if (n < 2 || n > 4 || !word.chars().allMatch(c -> c >= 0x4e00 && c <= 0x9fa5)) {
            return false;
        }
        boolean compound = n >= 3 && COMPOUND.contains(word.substring(0, 2));
        if (!compound && SURNAMES.indexOf(word.charAt(0)) < 0 || n == 4 && !compound) {
            return false;
        }
        if (TITLE.matcher(word).matches() || PLACE_END.indexOf(word.charAt(n - 1)) >= 0
                || n == 2 && word.charAt(1) == '家') {
            return false;
        }
        // a dictionary word (马上, 全是, 普惠) or one that starts with one (安全法, 公信力) is not a name
        if (CoreDictionary.contains(word) || n >= 3 && isWord(word.substring(0, 2))) {
            return false;
        }
        int after = offset + n;
        return after >= text.length() || PLACE_AFTER.indexOf(text.charAt(after)) < 0;
    }
}
