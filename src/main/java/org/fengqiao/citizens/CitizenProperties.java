package org.fengqiao.citizens;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public side's settings ({@code fengqiao.citizens.*}).
 *
 * @param publicUrl        the address citizens reach the platform at, for the tracking link in QR codes and SMS
 * @param evaluationWindow how long after the final reply the citizen may rate online (default 7 days)
 * @param matters          the public list of matters (a subset of kinds, categories and dispute types, in plain words)
 * @param limits           rate limits per client address and per phone
 */
@ConfigurationProperties("fengqiao.citizens")
public record CitizenProperties(String publicUrl, Duration evaluationWindow, List<Matter> matters, Limits limits) {

    public CitizenProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        evaluationWindow = evaluationWindow == null ? Duration.ofDays(7) : evaluationWindow;
        matters = matters == null || matters.isEmpty() ? DEFAULT_MATTERS : List.copyOf(matters);
        limits = limits == null ? new Limits(null, null, null, null, null) : limits;
    }

    /**
     * One matter a citizen may pick: its code on the form, plain names, and what it registers as.
     *
     * @param kind a {@code CaseKind} name; {@code disputeType} only with DISPUTE; {@code categoryCode} optional
     */
    public record Matter(String code, String nameZh, String nameEn, String kind, String categoryCode,
                         String disputeType) {
        public String name(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameZh;
        }
    }

    /**
     * @param reportsPerClient reports one address may send per hour
     * @param lookupsPerClient tracking look-ups (right or wrong) one address may make per 10 minutes
     * @param codesPerClient   one-time codes one address may ask for per hour
     * @param codesPerCase     one-time codes one case's phone may receive per hour
     * @param reportsPerPhone  reports giving the same mobile number per day
     */
    public record Limits(Integer reportsPerClient, Integer lookupsPerClient, Integer codesPerClient,
                         Integer codesPerCase, Integer reportsPerPhone) {
        public Limits {
            reportsPerClient = reportsPerClient == null ? 10 : reportsPerClient;
            lookupsPerClient = lookupsPerClient == null ? 30 : lookupsPerClient;
            codesPerClient = codesPerClient == null ? 10 : codesPerClient;
            codesPerCase = codesPerCase == null ? 3 : codesPerCase;
            reportsPerPhone = reportsPerPhone == null ? 5 : reportsPerPhone;
        }
    }

    static final List<Matter> DEFAULT_MATTERS = List.of(
            new Matter("NEIGHBOUR", "邻里矛盾（噪音、漏水、占道等）", "Trouble with neighbours (noise, leaks, blocked ways)",
                    "DISPUTE", null, "NEIGHBOUR"),
            new Matter("FAMILY", "家庭婚姻矛盾", "Family and marriage troubles", "DISPUTE", null, "MARRIAGE_FAMILY"),
            new Matter("WAGES", "拖欠工资、劳动纠纷", "Unpaid wages, work disputes", "DISPUTE", null, "LABOUR_WAGES"),
            new Matter("PROPERTY", "物业服务问题", "Property management", "DISPUTE", null, "PROPERTY_MANAGEMENT"),
            new Matter("HOMESTEAD", "房屋、宅基地问题", "Houses and homesteads", "DISPUTE", null, "HOUSING_HOMESTEAD"),
            new Matter("POLLUTION", "环境污染（污水、异味、噪声）", "Pollution (sewage, smells, noise)", "DISPUTE", null,
                    "POLLUTION"),
            new Matter("CONSUMER", "消费纠纷", "Shopping and services", "DISPUTE", null, "CONSUMER"),
            new Matter("HAZARD", "安全隐患（道路、设施损坏等）", "Safety hazards (roads, broken facilities)", "SAFETY_HAZARD",
                    null, null),
            new Matter("HELP", "求助、咨询或建议", "Help, questions or suggestions", "HELP", null, null));

    public Matter matter(String code) {
        return matters.stream().filter(m -> m.code().equals(code)).findFirst().orElse(null);
    }
}
