package org.fengqiao.regions.web;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.GeoJson;
import org.fengqiao.regions.GridIndex;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * Regions and grids: browse the tree, place a point, draw grids.
 */
@RestController
@RequestMapping("/api/regions")
class RegionApi {

    record RegionView(String code, String name, String level, String parentCode, String path, Object boundary) {
    }

    record NewGrid(@NotNull @Min(1) @Max(999) Integer number, @NotBlank @Size(max = 100) String name,
                   JsonNode boundary) {
    }

    private final Regions regions;
    private final GridIndex grids;

    RegionApi(Regions regions, GridIndex grids) {
        this.regions = regions;
        this.grids = grids;
    }

    @GetMapping
    List<RegionView> list(@RequestParam(required = false) String parent) {
        List<Region> found = parent == null ? regions.roots() : regions.children(code(parent));
        return found.stream().map(this::view).toList();
    }

    @GetMapping("/{code}")
    RegionView get(@PathVariable String code) {
        return regions.find(code).map(this::view)
                .orElseThrow(() -> new ProblemException.NotFound("region.notFound", code));
    }

    @GetMapping("/locate")
    Optional<RegionView> locate(@RequestParam double lat, @RequestParam double lon) {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new ProblemException.InvalidInput("lat", "region.badPoint");
        }
        return grids.locate(lon, lat).map(this::view);
    }

    @PostMapping("/{villageCode}/grids")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    RegionView addGrid(@PathVariable String villageCode,
                       @Valid @RequestBody NewGrid body) {
        Region village = regions.find(villageCode).filter(r -> r.level() == RegionLevel.VILLAGE)
                .orElseThrow(() -> new ProblemException.InvalidInput("villageCode", "region.notVillage", villageCode));
        String boundary = null;
        if (body.boundary() != null && !body.boundary().isNull()) {
            boundary = body.boundary().toString();
            try {
                GeoJson.read(boundary);
            } catch (IllegalArgumentException e) {
                throw new ProblemException.InvalidInput("boundary", "region.badBoundary", e.getMessage());
            }
        }
        DivisionCode code = DivisionCode.of(village.code().value() + String.format("%03d", body.number()));
        regions.save(new Region(code, body.name().strip(), RegionLevel.GRID, village.code(), boundary));
        return get(code.value());
    }

    private RegionView view(Region r) {
        return new RegionView(r.code().value(), r.name(), r.level().name(),
                r.parentCode() == null ? null : r.parentCode().value(), regions.pathName(r.code()),
                r.boundary() == null ? null : tools.jackson.databind.json.JsonMapper.shared().readTree(r.boundary()));
    }

    private static DivisionCode code(String value) {
        if (!DivisionCode.isValid(value)) {
            throw new ProblemException.InvalidInput("parent", "region.code.invalid");
        }
        return DivisionCode.of(value);
    }
}
