package org.fengqiao.intelligence.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DuplicateScorerTest {

    static final Instant MONDAY = Instant.parse("2024-04-01T02:00:00Z");

    static final String PIG_FARM_TITLE = "枫桥镇新桥村养猪场臭味扰民";
    static final String PIG_FARM = "新桥村东头的养猪场每天散发臭味，附近村民无法开窗，希望有关部门尽快处理。";
    static final String PIG_FARM_REPOST_TITLE = "新桥村养猪场臭气熏天";
    static final String PIG_FARM_REPOST = "枫桥镇新桥村东头养猪场臭味严重，村民无法开窗，请尽快处理。";
    static final String ROAD_TITLE = "枫桥镇新桥村道路破损";
    static final String ROAD = "新桥村村口道路坑洼不平，下雨天积水，车辆难以通行。";
    static final String BOUNDARY_TITLE = "邻居占用宅基地纠纷";
    static final String BOUNDARY = "邻居建房时占用了我家宅基地约两米，多次协商没有结果，请村里调解。";

    /** Recent cases of the area: the village and township names are common, so they weigh little. */
    static final TermWeights AREA_WEIGHTS = TermWeights.fromTexts(List.of(
            "枫桥镇新桥村路灯不亮", "新桥村垃圾没人清运", "枫桥镇新桥村小学门口交通拥堵",
            "新桥村自来水停水三天", "枫桥镇新桥村村民建房审批", "新桥村河道有人倾倒垃圾",
            "枫桥镇菜市场占道经营", "新桥村广场舞噪音", PIG_FARM_TITLE + PIG_FARM, ROAD_TITLE + ROAD));

    static final DuplicateScorer SCORER = new DuplicateScorer(DuplicatePolicy.defaults(), AREA_WEIGHTS);

    /** A matter builder: only what a test states is known. */
    static final class MatterBuilder {
        private final String id;
        private String title = PIG_FARM_TITLE;
        private String text = PIG_FARM;
        private Instant at = MONDAY;
        private String grid;
        private Double latitude;
        private Double longitude;
        private Set<String> parties = Set.of();

        MatterBuilder(String id) {
            this.id = id;
        }

        MatterBuilder saying(String newTitle, String newText) {
            title = newTitle;
            text = newText;
            return this;
        }

        MatterBuilder daysLater(long days) {
            at = MONDAY.plus(Duration.ofDays(days));
            return this;
        }

        MatterBuilder undated() {
            at = null;
            return this;
        }

        MatterBuilder inGrid(String code) {
            grid = code;
            return this;
        }

        MatterBuilder at(double lat, double lon) {
            latitude = lat;
            longitude = lon;
            return this;
        }

        MatterBuilder byParty(String... keys) {
            parties = Set.of(keys);
            return this;
        }

        Matter build() {
            return new Matter(id, title, text, at, "330681109201", grid, latitude, longitude, parties);
        }
    }

    static MatterBuilder aComplaint(String id) {
        return new MatterBuilder(id);
    }

    static MatterBuilder aRepost(String id) {
        return new MatterBuilder(id).saying(PIG_FARM_REPOST_TITLE, PIG_FARM_REPOST);
    }

    @Test
    void aRepostOfTheSameComplaintIsADuplicate() {
        Optional<DuplicateMatch> match = SCORER.score(aRepost("2").daysLater(3).build(), aComplaint("1").build());

        assertTrue(match.isPresent(), "a reworded repost three days later should be proposed");
        assertEquals("1", match.get().candidateId());
        assertTrue(match.get().score() >= DuplicatePolicy.defaults().minScore());
        assertTrue(match.get().sharedWords().contains("养猪场"), () -> "shared words: " + match.get().sharedWords());
    }

    @Test
    void sameTextFarApartInTimeIsNot() {
        Matter original = aComplaint("1").build();
        Matter yearLater = aComplaint("2").daysLater(365).build();

        assertEquals(Optional.empty(), SCORER.score(yearLater, original));
        assertEquals(0, SCORER.assess(SCORER.prepare(yearLater), SCORER.prepare(original)).score());
    }

    @Test
    void anotherComplaintFromTheSameVillageIsNot() {
        assertEquals(Optional.empty(),
                SCORER.score(aComplaint("2").saying(ROAD_TITLE, ROAD).build(), aComplaint("1").build()));
    }

    @Test
    void theSamePersonAndGridWithADifferentStoryIsNot() {
        Matter pigFarm = aComplaint("1").inGrid("G7").byParty("phone:a1").build();
        Matter boundary = aComplaint("2").saying(BOUNDARY_TITLE, BOUNDARY).inGrid("G7").byParty("phone:a1").build();

        assertEquals(Optional.empty(), SCORER.score(boundary, pigFarm));
    }

    @Test
    void reasonsNameEverySignalThatContributed() {
        Matter original = aComplaint("1").inGrid("G7").at(29.6500, 120.2400).byParty("phone:a1", "id:b2").build();
        Matter repost = aRepost("2").daysLater(2).inGrid("G7").at(29.6509, 120.2400).byParty("phone:a1", "id:b2").build();

        DuplicateMatch match = SCORER.score(repost, original).orElseThrow();

        assertEquals(List.of(Reason.Code.TEXT_SIMILAR, Reason.Code.SAME_GRID, Reason.Code.NEARBY,
                Reason.Code.SAME_PARTY, Reason.Code.WITHIN_WINDOW), match.reasons().stream().map(Reason::code).toList());
        Reason nearby = match.reasons().get(2);
        assertEquals(100, nearby.detail(), 1.0);
        assertEquals(2, match.reasons().get(3).detail());
        assertEquals(2, match.reasons().get(4).detail(), 1e-9);
        String text = match.describe();
        assertTrue(text.startsWith("正文相似度 0."), text);
        assertTrue(text.contains("；同一网格；相距 100 米；同一当事人（2 项相同）；相隔 2 天"), text);
    }

    @Test
    void theScoreIsTheTextSimilarityPlusTheBonusesOfThePlace() {
        PreparedMatter original = SCORER.prepare(aComplaint("1").inGrid("G7").at(29.65, 120.24).build());
        PreparedMatter repost = SCORER.prepare(aRepost("2").inGrid("G7").at(29.65, 120.24).build());
        DuplicatePolicy p = SCORER.policy();

        double text = SCORER.textSimilarity(repost, original);
        assertEquals(Math.min(1, text + p.sameGridBonus() + p.nearbyBonus()), SCORER.assess(repost, original).score(), 1e-9);
    }

    @Test
    void aSharedPartyLiftsABorderlineMatchOverTheThreshold() {
        Matter original = aComplaint("1").byParty("phone:a1").build();
        double text = SCORER.assess(SCORER.prepare(aRepost("2").build()), SCORER.prepare(original)).score();
        DuplicatePolicy strict = DuplicatePolicy.defaults().withMinScore(text + DuplicatePolicy.defaults().samePartyBonus() / 2);
        DuplicateScorer scorer = new DuplicateScorer(strict, AREA_WEIGHTS);

        assertTrue(scorer.score(aRepost("2").build(), original).isEmpty());
        assertTrue(scorer.score(aRepost("2").byParty("phone:a1").build(), original).isPresent());
    }

    @Test
    void differentGridsFarApartCountAgainst() {
        Matter original = aComplaint("1").inGrid("G7").at(29.65, 120.24).build();
        Matter elsewhere = aRepost("2").inGrid("G9").at(29.70, 120.30).build();
        Matter unplaced = aRepost("3").build();

        DuplicateMatch far = SCORER.assess(SCORER.prepare(elsewhere), SCORER.prepare(original));
        DuplicateMatch plain = SCORER.assess(SCORER.prepare(unplaced), SCORER.prepare(original));

        assertTrue(far.has(Reason.Code.DIFFERENT_PLACE));
        assertEquals(plain.score() - SCORER.policy().differentPlacePenalty(), far.score(), 1e-9);
        assertTrue(far.describe().contains("不同网格，相距"), far.describe());
    }

    @Test
    void missingFactsNeitherHelpNorHurt() {
        PreparedMatter original = SCORER.prepare(aComplaint("1").undated().build());
        PreparedMatter repost = SCORER.prepare(aRepost("2").inGrid("G7").at(29.65, 120.24).byParty("phone:a1").build());

        DuplicateMatch match = SCORER.assess(repost, original);

        assertEquals(SCORER.textSimilarity(repost, original), match.score(), 1e-9);
        assertEquals(List.of(Reason.Code.TEXT_SIMILAR), match.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void rankListsTheProbableDuplicatesBestFirstWithoutTheMatterItself() {
        Matter incoming = aRepost("9").daysLater(1).inGrid("G7").build();
        List<Matter> open = List.of(
                aComplaint("1").build(),
                aComplaint("2").inGrid("G7").build(),
                aComplaint("3").saying(ROAD_TITLE, ROAD).build(),
                aComplaint("4").daysLater(-400).build(),
                aRepost("9").daysLater(1).inGrid("G7").build());

        List<DuplicateMatch> ranked = SCORER.rank(incoming, open, 10);

        assertEquals(List.of("2", "1"), ranked.stream().map(DuplicateMatch::candidateId).toList());
        assertEquals(List.of("2"), SCORER.rank(incoming, open, 1).stream().map(DuplicateMatch::candidateId).toList());
        assertEquals(List.of(), SCORER.rank(incoming, open, 0));
    }

    @Test
    void wordsRareInTheAreaCountMoreThanItsPlaceNames() {
        TermSet farm = TermSet.of(PIG_FARM_TITLE + PIG_FARM, AREA_WEIGHTS);
        TermSet road = TermSet.of(ROAD_TITLE + ROAD, AREA_WEIGHTS);
        TermSet uniformFarm = TermSet.of(PIG_FARM_TITLE + PIG_FARM);
        TermSet uniformRoad = TermSet.of(ROAD_TITLE + ROAD);

        assertTrue(farm.overlap(road) < uniformFarm.overlap(uniformRoad),
                () -> "weighted " + farm.overlap(road) + ", uniform " + uniformFarm.overlap(uniformRoad));
        assertTrue(farm.heaviest(3).contains("养猪场"), () -> "heaviest: " + farm.heaviest(3));
    }

    @Test
    void anEmptyTextIsSimilarToNothing() {
        assertTrue(TermSet.of("").isEmpty());
        assertTrue(TermSet.of(null).isEmpty());
        assertEquals(0, TermSet.of(PIG_FARM).cosine(TermSet.EMPTY));
        assertEquals(1, TermSet.of(PIG_FARM).cosine(TermSet.of(PIG_FARM)), 1e-9);
        assertFalse(TermSet.of(PIG_FARM).sharesAnyWith(TermSet.of(BOUNDARY)));
        assertEquals(Optional.empty(), SCORER.score(aComplaint("2").saying("", "").build(), aComplaint("1").build()));
    }

    @Test
    void aPolicyRefusesValuesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> DuplicatePolicy.defaults().withMinScore(1.5));
        assertThrows(IllegalArgumentException.class, () -> DuplicatePolicy.defaults().withWindow(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> DuplicatePolicy.defaults().withRadiusMetres(-1));
    }

    @Test
    void distancesAreGreatCircleMetres() {
        Matter a = aComplaint("1").at(29.0, 120.0).build();
        Matter b = aComplaint("2").at(30.0, 120.0).build();

        assertEquals(111_195, DuplicateScorer.distanceMetres(a, b), 50);
    }
}
