package org.fengqiao.intelligence.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataTest {

    @Test
    void readsLabelAndTextColumns() throws IOException {
        TrainingData.Result result = read("label\ttext\n城乡建设\t小区 路灯 坏了\n交通运输\t公交 晚点\n");
        assertEquals(List.of(new LabeledText("城乡建设", "小区 路灯 坏了"), new LabeledText("交通运输", "公交 晚点")),
                result.examples());
        assertTrue(result.problems().isEmpty());
    }

    @Test
    void joinsTitleAndDetailWhenThereIsNoTextColumn() throws IOException {
        TrainingData.Result result = read("id\tlabel\ttitle\ttime\tdetail\n7\t环境保护\t噪音扰民\t2019/1/1\t工地夜间施工。\n");
        assertEquals(List.of(new LabeledText("环境保护", "噪音扰民 噪音扰民 工地夜间施工。")), result.examples());
        assertEquals(TextClassifier.requestText("噪音扰民", "工地夜间施工。"), result.examples().get(0).text());
    }

    @Test
    void turnsTheCategoryTreeIntoExamplesOfTheWantedLabels(@TempDir Path dir) throws IOException {
        Path tree = Files.writeString(dir.resolve("taxonomy.tsv"), """
                level1\tlevel2\tlevel3
                卫生计生\t食品药品监管\t食品安全
                卫生计生\t食品药品监管\t其他
                卫生计生\t其他\t其他
                公安\t治安管理\t其他
                交通运输\t邮政管理\t快递市场管理
                坏行
                """, StandardCharsets.UTF_8);
        TrainingData.Result result = TrainingData.fromTaxonomy(tree, List.of("卫生计生", "交通运输"));
        assertEquals(List.of(new LabeledText("卫生计生", "食品药品监管 食品安全"), new LabeledText("卫生计生", "食品药品监管"),
                new LabeledText("交通运输", "邮政管理 快递市场管理"), new LabeledText("交通运输", "邮政管理")),
                result.examples());
        assertEquals(List.of(7L), result.problems().stream().map(TrainingData.RowProblem::line).toList());
        assertEquals(5, TrainingData.fromTaxonomy(tree, List.of()).examples().size());
    }

    @Test
    void refusesATaxonomyWithoutLevelColumns(@TempDir Path dir) throws IOException {
        Path tree = Files.writeString(dir.resolve("t.tsv"), "label\ttext\n城乡建设\t路灯\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> TrainingData.fromTaxonomy(tree, List.of()));
        assertTrue(e.getMessage().contains("level1"), e.getMessage());
    }

    @Test
    void keepsTheFirstOfEachGroupOfNearDuplicates() {
        String complaint = "小区 楼顶 水箱 长年 不洗 自来水 严重 霉味 请 环保部门 检测 一个 健康 安全 生活 环境";
        List<LabeledText> examples = List.of(
                new LabeledText("城乡建设", complaint),
                new LabeledText("交通运输", "公交 车站 搬迁 以后 线路 太远 老人 出行 不便 希望 恢复 原来 站点"),
                new LabeledText("环境保护", "请问" + complaint.replace(" ", "") + "，谢谢！"),
                new LabeledText("教育文体", "学校 周边 培训 机构 乱 收费"));
        assertEquals(List.of(examples.get(0), examples.get(1), examples.get(3)),
                TrainingData.withoutNearDuplicates(examples));
        assertEquals(List.of(), TrainingData.withoutNearDuplicates(List.of()));
    }

    @Test
    void skipsAndReportsMalformedRowsWithTheirLineNumbers() throws IOException {
        TrainingData.Result result = read("""
                label\ttext
                城乡建设\t路灯坏了
                只有一列
                \t没有标签
                卫生计生\t\s
                交通运输\t公交\t多出一列
                教育文体\t学位不足
                """);
        assertEquals(List.of("城乡建设", "教育文体"), result.examples().stream().map(LabeledText::label).toList());
        assertEquals(List.of(3L, 4L, 5L, 6L), result.problems().stream().map(TrainingData.RowProblem::line).toList());
        assertTrue(result.problems().get(0).reason().contains("found 1"), result.problems().get(0).reason());
        assertEquals("test.tsv:4: blank label", result.problems().get(1).toString());
        assertEquals("blank text", result.problems().get(2).reason());
    }

    @Test
    void refusesAHeaderWithoutTheNeededColumns() {
        IOException e = assertThrows(IOException.class, () -> read("label\ttitle\n城乡建设\t路灯\n"));
        assertTrue(e.getMessage().contains("test.tsv"), e.getMessage());
    }

    @Test
    void ignoresAByteOrderMarkAndHeaderCase() throws IOException {
        assertEquals(1, read("\uFEFFLabel\tText\n城乡建设\t路灯\n").examples().size());
    }

    @Test
    void readsSeveralFilesOfEitherFormatInOrder(@TempDir Path dir) throws IOException {
        Path segmented = Files.writeString(dir.resolve("a.tsv"), "label\ttext\n城乡建设\t路灯 坏了\n", StandardCharsets.UTF_8);
        Path raw = Files.writeString(dir.resolve("b.tsv"), "label\ttitle\tdetail\n交通运输\t公交\n", StandardCharsets.UTF_8);
        TrainingData.Result result = TrainingData.read(segmented, raw);
        assertEquals(1, result.examples().size());
        assertEquals(raw.toString(), result.problems().get(0).source());
        assertEquals(2, result.problems().get(0).line());
    }

    private static TrainingData.Result read(String tsv) throws IOException {
        return TrainingData.read(new StringReader(tsv), "test.tsv");
    }
}
