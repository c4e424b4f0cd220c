package org.fengqiao.intelligence.classification;

import java.util.ArrayList;
import java.util.List;

/** A tiny, deterministic three-category corpus of raw Chinese request texts. */
final class SyntheticCorpus {

    static final String TRAFFIC = "交通运输";
    static final String EDUCATION = "教育文体";
    static final String HEALTH = "卫生计生";

    private static final String[][] SUBJECTS = {
        {TRAFFIC, "公交车", "红绿灯", "出租车", "停车场", "高速公路", "地铁站"},
        {EDUCATION, "幼儿园", "中学老师", "学位", "体育馆", "图书馆", "招生"},
        {HEALTH, "医院", "医保报销", "疫苗接种", "医生", "诊所", "计划生育"},
    };
    private static final String[] FRAMES = {
        "请问%s的问题什么时候能解决？", "强烈反映：我们小区附近的%s问题严重。", "关于%s的建议，希望有关部门重视",
    };

    private SyntheticCorpus() {
    }

    static List<LabeledText> examples() {
        List<LabeledText> examples = new ArrayList<>();
        for (String frame : FRAMES) {
            for (String[] category : SUBJECTS) {
                for (int i = 1; i < category.length; i++) {
                    examples.add(new LabeledText(category[0], String.format(frame, category[i])));
                }
            }
        }
        return examples;
    }
}
