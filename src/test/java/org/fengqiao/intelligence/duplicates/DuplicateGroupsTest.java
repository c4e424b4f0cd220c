package org.fengqiao.intelligence.duplicates;

import static org.fengqiao.intelligence.duplicates.DuplicateScorerTest.SCORER;
import static org.fengqiao.intelligence.duplicates.DuplicateScorerTest.aComplaint;
import static org.fengqiao.intelligence.duplicates.DuplicateScorerTest.aRepost;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class DuplicateGroupsTest {

    @Test
    void repostsJoinTheFirstReportAndUnrelatedMattersStayAlone() {
        List<Matter> matters = List.of(
                aRepost("3").daysLater(5).build(),
                aComplaint("1").build(),
                aComplaint("2").saying(DuplicateScorerTest.ROAD_TITLE, DuplicateScorerTest.ROAD).daysLater(1).build(),
                aRepost("4").daysLater(400).build(),
                aComplaint("5").daysLater(401).build());

        List<List<Matter>> groups = DuplicateGroups.find(SCORER, matters);

        assertEquals(List.of(List.of("1", "3"), List.of("4", "5")),
                groups.stream().map(g -> g.stream().map(Matter::id).toList()).toList());
    }
}
