package org.fengqiao.laws;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which laws each dispute type (the codes of {@code categories}) calls for: the laws, or the chapters of a code, a
 * mediator opens first, weighted, and a few key articles of each — a curated list, kept here in code where a
 * reviewer can read it against the texts. A law the library does not hold (道路交通安全法, 医疗纠纷预防和处理条例) is
 * listed all the same: it counts once it is imported.
 */
public final class DisputeLaws {

    /** Articles {@code from}–{@code to} of a law (its short title, as {@link LawText#shortTitle()}), weighted 0–1. */
    public record Scope(String law, int from, int to, double weight) {
        boolean covers(String shortTitle, int number) {
            return law.equals(shortTitle) && number >= from && number <= to;
        }
    }

    /** An article a mediator checks first in such a dispute. */
    public record Key(String law, int number) {
    }

    /** The laws and key articles of one dispute type. */
    public record Profile(String disputeType, List<Scope> scopes, List<Key> keys) {

        /** The largest weight of the scopes covering the article, 0 when none does. */
        public double weight(String shortTitle, int number) {
            return scopes.stream().filter(s -> s.covers(shortTitle, number)).mapToDouble(Scope::weight).max().orElse(0);
        }

        public boolean isKey(String shortTitle, int number) {
            return keys.stream().anyMatch(k -> k.law().equals(shortTitle) && k.number() == number);
        }

        /** The laws this type calls for, in order, each once. */
        public List<String> laws() {
            return scopes.stream().map(Scope::law).distinct().toList();
        }
    }

    private static final int ALL = 9_999;
    private static final String PROPERTY = "民法典物权编";
    private static final String TORT = "民法典侵权责任编";
    private static final String CONTRACT = "民法典合同编";
    private static final String FAMILY = "民法典婚姻家庭编";

    private static final Map<String, Profile> PROFILES = Map.ofEntries(
            profile("MARRIAGE_FAMILY",
                    List.of(all(FAMILY, 1), all("反家庭暴力法", 0.9), all("民法典继承编", 0.6),
                            range("妇女权益保障法", 18, 34, 0.5), range("妇女权益保障法", 60, 73, 0.6)),
                    keys(FAMILY, 1042, 1043, 1062, 1067, 1079, 1084, 1085, 1087), keys("反家庭暴力法", 2, 13, 23)),
            profile("NEIGHBOUR",
                    List.of(range(PROPERTY, 288, 296, 1), range(TORT, 1252, 1258, 0.6), range(TORT, 1245, 1251, 0.5),
                            range(TORT, 1164, 1187, 0.3)),
                    keys(PROPERTY, 288, 290, 291, 293, 294, 295, 296)),
            profile("HOUSING_HOMESTEAD",
                    List.of(range(PROPERTY, 362, 365, 1), range(PROPERTY, 288, 296, 0.8), range("土地管理法", 59, 66, 0.7),
                            range(PROPERTY, 297, 310, 0.4), range("民法典继承编", 1119, 1163, 0.3)),
                    keys(PROPERTY, 362, 363, 288, 293), keys("土地管理法", 62)),
            profile("LAND_FOREST_WATER",
                    List.of(all("农村土地承包经营纠纷调解仲裁法", 1), range(PROPERTY, 330, 343, 1),
                            range("土地管理法", 9, 14, 0.7), range(PROPERTY, 290, 290, 0.5), all("村民委员会组织法", 0.3)),
                    keys(PROPERTY, 330, 331, 334, 337), keys("土地管理法", 14),
                    keys("农村土地承包经营纠纷调解仲裁法", 2, 3, 4)),
            profile("LABOUR_WAGES",
                    List.of(all("保障农民工工资支付条例", 1), all("劳动合同法", 0.9), all("劳动争议调解仲裁法", 0.9),
                            all("浙江省劳动人事争议调解仲裁条例", 0.5)),
                    keys("保障农民工工资支付条例", 3, 16, 29, 30, 36), keys("劳动合同法", 10, 30, 46, 82, 85),
                    keys("劳动争议调解仲裁法", 5, 10, 14)),
            profile("PROPERTY_MANAGEMENT",
                    List.of(all("物业管理条例", 1), all("绍兴市物业管理条例", 0.7), range(CONTRACT, 937, 950, 1),
                            range(PROPERTY, 271, 287, 0.8)),
                    keys("物业管理条例", 7, 35, 41, 46, 50), keys(CONTRACT, 942, 944), keys(PROPERTY, 278, 286)),
            profile("CONSUMER",
                    List.of(all("消费者权益保护法", 1), range(CONTRACT, 595, 647, 0.5), range(TORT, 1202, 1207, 0.5)),
                    keys("消费者权益保护法", 24, 25, 40, 48, 52, 55)),
            profile("MEDICAL",
                    List.of(range(TORT, 1218, 1228, 1), range(TORT, 1179, 1183, 0.6), all("医疗纠纷预防和处理条例", 1)),
                    keys(TORT, 1218, 1219, 1221, 1222, 1179)),
            profile("TRAFFIC",
                    List.of(range(TORT, 1208, 1217, 1), range(TORT, 1179, 1187, 0.7), all("道路交通安全法", 1)),
                    keys(TORT, 1208, 1213, 1179), keys("道路交通安全法", 76)),
            profile("LAND_ACQUISITION",
                    List.of(range("土地管理法", 45, 51, 1), range(PROPERTY, 243, 243, 1), range(PROPERTY, 327, 327, 0.8),
                            range(PROPERTY, 338, 338, 0.8)),
                    keys("土地管理法", 47, 48), keys(PROPERTY, 243)),
            profile("CONTRACT_DEBT",
                    List.of(range(CONTRACT, 667, 680, 1), range(CONTRACT, 681, 702, 0.8), range(CONTRACT, 577, 594, 0.8),
                            range(CONTRACT, 703, 734, 0.8), range(CONTRACT, 788, 808, 0.7), range(CONTRACT, 770, 787, 0.5),
                            range("民法典总则", 188, 199, 0.6), range(CONTRACT, 509, 534, 0.4)),
                    keys(CONTRACT, 667, 674, 675, 676, 680, 577, 721, 722), keys("民法典总则", 188)),
            profile("POLLUTION",
                    List.of(range(TORT, 1229, 1235, 1), range(PROPERTY, 294, 294, 0.8)),
                    keys(TORT, 1229, 1230), keys(PROPERTY, 294)));

    private DisputeLaws() {
    }

    /** The profile of a dispute type, if the list has one ({@code OTHER} has none: text alone decides). */
    public static Optional<Profile> of(String disputeType) {
        return disputeType == null ? Optional.empty() : Optional.ofNullable(PROFILES.get(disputeType));
    }

    /** Every profile, by dispute type. */
    public static Map<String, Profile> all() {
        return PROFILES;
    }

    @SafeVarargs
    private static Map.Entry<String, Profile> profile(String type, List<Scope> scopes, List<Key>... keys) {
        return Map.entry(type, new Profile(type, scopes, java.util.Arrays.stream(keys).flatMap(List::stream).toList()));
    }

    private static Scope all(String law, double weight) {
        return new Scope(law, 1, ALL, weight);
    }

    private static Scope range(String law, int from, int to, double weight) {
        return new Scope(law, from, to, weight);
    }

    private static List<Key> keys(String law, int... numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(n -> new Key(law, n)).toList();
    }
}
