package org.fengqiao.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengqiao.support.Cases.aCase;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.support.Api;
import org.fengqiao.support.Instances;
import org.fengqiao.support.Pages;
import org.fengqiao.support.SessionClient;

/**
 * Two instances of the platform on one database, as behind a load balancer without sticky sessions: a user signed
 * in on one is served by the other, an export started on one is followed and downloaded on the other, and a change
 * made on one shows on the other (cached reports and the in-memory case index follow the database, reference
 * data within the poll interval).
 */
class SeveralInstancesTest {

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static Path dir;
    static int one;
    static int two;

    @BeforeAll
    static void twoInstancesOnOneDatabase() throws Exception {
        dir = Files.createTempDirectory("fengqiao-instances");
        postgres = Instances.postgres(Map.of());
        String url = postgres.getJdbcUrl("postgres", "postgres");
        Path keyFile = dir.resolve("data.key");
        first = Instances.start(url, keyFile, dir.resolve("one"), true, Map.of());
        second = Instances.start(url, keyFile, dir.resolve("two"), true, Map.of("fengqiao.cluster.reference-poll", "500ms"));
        one = Instances.port(first);
        two = Instances.port(second);
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aUserSignedInOnOneInstanceIsServedByTheOther() {
        SessionClient onOne = SessionClient.signedInAs(one, "fq.intake");
        SessionClient.Page workbench = onOne.on(two).get("/workbench");
        assertThat(workbench.status()).isEqualTo(200);
        assertThat(workbench.html()).contains("logout");

        SessionClient stranger = SessionClient.signedInAs(two, "leshan.grid");
        assertThat(stranger.get("/workbench").status()).isEqualTo(200);
    }

    @Test
    void anExportStartedOnOneInstanceIsFollowedAndDownloadedOnTheOther() throws Exception {
        SessionClient onOne = SessionClient.signedInAs(one, "fq.intake");
        onOne.get("/cases");
        SessionClient.Page started = onOne.htmxPost("/cases/export", Map.of("query", List.of("")));
        assertThat(started.status()).as(started.html()).isEqualTo(200);
        String id = Pages.find(started.html(), "job-([0-9a-f-]{36})");

        SessionClient onTwo = onOne.on(two);
        String fragment = onTwo.htmx("/jobs/" + id).html();
        for (int i = 0; i < 600 && fragment.contains("every 500ms"); i++) {
            Thread.sleep(100);
            fragment = onTwo.htmx("/jobs/" + id).html();
        }
        assertThat(fragment).contains("/jobs/" + id + "/download");

        HttpResponse<byte[]> file = onTwo.bytes("/jobs/" + id + "/download");
        assertThat(file.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThan(3);
        }
        SessionClient someoneElse = SessionClient.signedInAs(two, "leshan.grid");
        assertThat(someoneElse.bytes("/jobs/" + id + "/download").statusCode()).isEqualTo(404);
    }

    @Test
    void aCaseRegisteredOnOneInstanceShowsOnTheOthersCachedMapAndItsDuplicates() {
        SessionClient onTwo = SessionClient.signedInAs(two, "fq.intake");
        Api apiOne = new Api(one);
        Api apiTwo = new Api(two);
        String text = "枫源村跨实例测试：村口菜场摊位占道经营噪音扰民，多次协商未果，请求调处" + System.nanoTime();
        Api.Response earlier = apiOne.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR")
                .without("regionCode").at(29.70, 120.465).titled("跨实例占道经营").describedAs(text).body());
        assertThat(earlier.status()).as(earlier.text()).isEqualTo(201);
        // the second instance has its map cached and its case index built before the next change
        String map = onTwo.get("/map/cases.geojson").html();
        assertThat(apiTwo.get("fq.intake", "/api/cases/" + earlier.get("id").asLong() + "/duplicates").status())
                .isEqualTo(200);

        Api.Response later = apiOne.post("fq.intake", "/api/cases", aCase().dispute("NEIGHBOUR")
                .without("regionCode").at(29.70, 120.465).titled("跨实例占道经营").describedAs(text).body());
        assertThat(later.status()).as(later.text()).isEqualTo(201);
        String code = later.get("trackingCode").asString();

        assertThat(map).doesNotContain(code);
        assertThat(onTwo.get("/map/cases.geojson").html()).contains(code);
        Api.Response duplicates = apiTwo.get("fq.intake", "/api/cases/" + later.get("id").asLong() + "/duplicates");
        assertThat(duplicates.text()).contains(earlier.get("trackingCode").asString());
    }

    @Test
    void aUnitRenamedThroughOneInstanceIsRenamedOnTheOtherWithinThePollInterval() throws Exception {
        Units onOne = first.getBean(Units.class);
        Units onTwo = second.getBean(Units.class);
        Unit centre = onOne.list().getFirst();
        assertThat(onTwo.get(centre.id()).name()).isEqualTo(centre.name());
        try {
            onOne.update(centre.id(), centre.name() + "（改名）", centre.active());
            String seen = onTwo.get(centre.id()).name();
            for (int i = 0; i < 100 && !seen.endsWith("（改名）"); i++) {
                Thread.sleep(100);
                seen = onTwo.get(centre.id()).name();
            }
            assertThat(seen).isEqualTo(centre.name() + "（改名）");
        } finally {
            onOne.update(centre.id(), centre.name(), centre.active());
        }
    }
}
