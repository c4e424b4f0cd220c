package org.fengqiao.regions.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.GridIndex;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * Region outlines and grid lookup for the pages' maps (session-authenticated, unlike {@code /api}). Maps draw
 * these outlines on a plain background, so they work without any tile server.
 */
@RestController
class BoundaryData {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Regions regions;
    private final GridIndex grids;

    BoundaryData(Regions regions, GridIndex grids) {
        this.regions = regions;
        this.grids = grids;
    }

    /**
     * Outlines of the township containing {@code under} and of everything drawn inside it (villages, grids),
     * as a GeoJSON FeatureCollection.
     */
    @GetMapping(path = "/map/boundaries.geojson", produces = "application/geo+json")
    ResponseEntity<Map<String, Object>> boundaries(@RequestParam String under) {
        if (!DivisionCode.isValid(under)) {
            throw new ProblemException.InvalidInput("under", "region.code.invalid");
        }
        DivisionCode code = DivisionCode.of(under);
        DivisionCode area = code.level().ordinal() > RegionLevel.TOWNSHIP.ordinal() ? code.truncate(RegionLevel.TOWNSHIP) : code;
        List<Map<String, Object>> features = new ArrayList<>();
        regions.find(area).filter(Region::hasBoundary).ifPresent(r -> features.add(feature(r)));
        for (RegionLevel level : List.of(RegionLevel.TOWNSHIP, RegionLevel.VILLAGE, RegionLevel.GRID)) {
            if (level.ordinal() > area.level().ordinal()) {
                regions.within(area, level).stream().filter(Region::hasBoundary).map(this::feature).forEach(features::add);
            }
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePrivate())
                .contentType(MediaType.parseMediaType("application/geo+json")).body(collection);
    }

    /**
     * The grid and village containing a point, for the intake form's map; in a village that has drawn no grid
     * there, the village with an empty grid code; nothing ({@code {}}) outside every village.
     */
    @GetMapping("/map/locate")
    Map<String, Object> locate(@RequestParam double lat, @RequestParam double lon) {
        Map<String, Object> answer = new LinkedHashMap<>();
        grids.locate(lon, lat).ifPresentOrElse(g -> {
            answer.put("gridCode", g.code().value());
            answer.put("villageCode", g.parentCode().value());
            answer.put("path", regions.pathName(g.code()));
        }, () -> grids.locateVillage(lon, lat).ifPresent(v -> {
            answer.put("gridCode", "");
            answer.put("villageCode", v.code().value());
            answer.put("path", regions.pathName(v.code()));
        }));
        return answer;
    }

    private Map<String, Object> feature(Region r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", r.code().value());
        f.put("properties", Map.of("code", r.code().value(), "name", r.name(), "level", r.level().name()));
        JsonNode geometry = JSON.readTree(r.boundary());
        f.put("geometry", geometry);
        return f;
    }
}
