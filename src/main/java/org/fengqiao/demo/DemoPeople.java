package org.fengqiao.demo;

import java.time.LocalDate;
import java.util.Random;

/**
 * Made-up parties for demo cases: common surnames and given names, phone numbers in a block of 138 0000
 * numbers, and resident ID numbers of 诸暨 with a correct check character. None belongs to a real person.
 */
final class DemoPeople {

    private static final String[] SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段".split("");
    private static final String[] GIVEN = {"建国", "秀英", "志强", "丽娟", "伟", "芳", "国庆", "美华", "海军", "桂英",
            "小明", "晓燕", "永康", "春花", "宏伟", "玉兰", "德胜", "雪梅", "金龙", "佳怡", "文彬", "淑珍", "立新", "慧敏",
            "长根", "彩凤", "国平", "月娥", "振华", "素芬"};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private DemoPeople() {
    }

    static String name(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    static String phone(Random random) {
        return String.format("1380000%04d", random.nextInt(10_000));
    }

    static String idNumber(Random random) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
        String body = "330681" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK[sum % 11];
    }
}
