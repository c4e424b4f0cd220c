package org.fengqiao.regions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import org.fengqiao.support.Api;
import org.fengqiao.support.IntegrationTest;
import org.fengqiao.support.Pages;

/**
 * Issue 15, item 9: a click on the intake form's map finds the village even where the village has drawn no grids
 * (the village is known from its own outline), with an empty grid; outside every village the answer stays empty.
 */
@IntegrationTest
class MapLocateTest {

    /** Inside 百树社区 (330681109003), a village of the demo township that has no grids. */
    static final String IN_A_VILLAGE_WITHOUT_GRIDS = "lat=29.729998&lon=120.428";
    /** Inside 枫源村's grid 330681109290003. */
    static final String IN_A_GRID = "lat=29.696668&lon=120.468";

    @Autowired
    Pages pages;

    private JsonNode locate(String where) throws Exception {
        String body = pages.mvc.perform(get("/map/locate?" + where).with(pages.as("fq.intake"))).andReturn()
                .getResponse().getContentAsString();
        return Api.JSON.readTree(body);
    }

    @Test
    void aPointInAVillageWithoutGridsGivesTheVillageWithAnEmptyGrid() throws Exception {
        JsonNode found = locate(IN_A_VILLAGE_WITHOUT_GRIDS);
        assertThat(found.path("villageCode").asString()).isEqualTo("330681109003");
        assertThat(found.path("gridCode").asString()).isEmpty();
        assertThat(found.path("path").asString()).endsWith("百树社区");
    }

    @Test
    void aPointInAGridGivesTheGridAndItsVillage() throws Exception {
        JsonNode found = locate(IN_A_GRID);
        assertThat(found.path("gridCode").asString()).isEqualTo("330681109290003");
        assertThat(found.path("villageCode").asString()).isEqualTo("330681109290");
    }

    @Test
    void aPointOutsideEveryVillageGivesNothing() throws Exception {
        assertThat(locate("lat=31.2&lon=121.5").isEmpty()).isTrue();
    }
}
