package org.fengqiao.citizens.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import org.fengqiao.regions.GridIndex;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * The outlines of the townships, villages and grids (public geography, no case data) for the report form's map, and the
 * place a point falls in, so the citizen sees where the report will go.
 */
@RestController
class BoundaryPages {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Regions regions;
    private final GridIndex grids;

    BoundaryPages(Regions regions, GridIndex grids) {
        this.regions = regions;
        this.grids = grids;
    }

    @GetMapping(path = "/public/boundaries.geojson", produces = "application/geo+json")
    ResponseEntity<Map<String, Object>> boundaries() {
        List<Map<String, Object>> features = new ArrayList<>();
        for (RegionLevel level : List.of(RegionLevel.TOWNSHIP, RegionLevel.VILLAGE, RegionLevel.GRID)) {
            for (Region root : regions.roots()) {
                regions.within(root.code(), level).stream().filter(Region::hasBoundary).forEach(r -> {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("type", "Feature");
                    f.put("properties", Map.of("code", r.code().value(), "name", r.name(), "level", level.name()));
                    f.put("geometry", JSON.readTree(r.boundary()));
                    features.add(f);
                });
            }
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(Map.of("type", "FeatureCollection", "features", features));
    }

    @GetMapping("/public/locate")
    Map<String, Object> locate(@org.springframework.web.bind.annotation.RequestParam double lat,
                               @org.springframework.web.bind.annotation.RequestParam double lon) {
        Map<String, Object> answer = new LinkedHashMap<>();
        // a village that has drawn no grids there is still known by its own outline
        grids.locate(lon, lat).map(g -> g.parentCode()).or(() -> grids.locateVillage(lon, lat).map(v -> v.code()))
                .ifPresent(village -> {
                    answer.put("villageCode", village.value());
                    answer.put("path", regions.pathName(village));
                });
        return answer;
    }
}
