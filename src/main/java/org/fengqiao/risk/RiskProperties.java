package org.fengqiao.risk;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds and word lists of the risk rules ({@code fengqiao.risk.*}); every one can be changed per
 * deployment.
 */
@ConfigurationProperties("fengqiao.risk")
public record RiskProperties(Integer groupSize, Integer largeGroupSize, BigDecimal largeAmount,
                             BigDecimal veryLargeAmount, Integer repeatedParties, Integer manyRepeatedParties,
                             Integer hotSpotCases, Integer wageArrearsDaysBeforeSpringFestival,
                             List<String> threatWords, List<String> selfHarmWords, List<String> petitionWords) {

    public RiskProperties {
        groupSize = groupSize == null ? 5 : groupSize;
        largeGroupSize = largeGroupSize == null ? 30 : largeGroupSize;
        largeAmount = largeAmount == null ? new BigDecimal("100000") : largeAmount;
        veryLargeAmount = veryLargeAmount == null ? new BigDecimal("1000000") : veryLargeAmount;
        repeatedParties = repeatedParties == null ? 1 : repeatedParties;
        manyRepeatedParties = manyRepeatedParties == null ? 3 : manyRepeatedParties;
        hotSpotCases = hotSpotCases == null ? 5 : hotSpotCases;
        wageArrearsDaysBeforeSpringFestival = wageArrearsDaysBeforeSpringFestival == null ? 45
                : wageArrearsDaysBeforeSpringFestival;
        threatWords = threatWords == null ? List.of("扬言", "报复", "同归于尽", "弄死", "杀了", "砍死", "放火", "炸掉",
                "动刀", "拼命", "血债") : List.copyOf(threatWords);
        selfHarmWords = selfHarmWords == null ? List.of("轻生", "自杀", "不想活", "跳楼", "跳河", "喝农药", "寻死",
                "一死了之", "割腕") : List.copyOf(selfHarmWords);
        // petitioning above the proper level, or gathering to press a claim (越级上访, 聚集); the most telling first
        petitionWords = petitionWords == null ? List.of("去北京", "去省里", "去市里", "去县里", "进京",
                "越级", "上访", "信访", "堵路", "堵门", "拉横幅", "静坐", "围堵", "聚集") : List.copyOf(petitionWords);
    }

    public static RiskProperties defaults() {
        return new RiskProperties(null, null, null, null, null, null, null, null, null, null, null);
    }
}
