package org.fengqiao.regions;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Places a point in its grid, or in its village when no grid of the village covers it (a village that has drawn
 * no grids yet). Polygons are held in an STR-tree per level so a lookup touches only the few whose bounding boxes
 * contain the point; the trees are rebuilt whenever regions change.
 */
@Component
public class GridIndex {

    private static final Logger log = LoggerFactory.getLogger(GridIndex.class);

    private final Regions regions;
    private final GeometryFactory geometry = new GeometryFactory();
    private final AtomicReference<STRtree> tree = new AtomicReference<>();
    private final AtomicReference<STRtree> villageTree = new AtomicReference<>();

    GridIndex(Regions regions) {
        this.regions = regions;
        regions.onChange(() -> {
            tree.set(null);
            villageTree.set(null);
        });
    }

    /**
     * The grid containing the point (WGS 84), if any. Longitude first, as in GeoJSON.
     */
    public Optional<Region> locate(double longitude, double latitude) {
        return locate(current(tree, RegionLevel.GRID), longitude, latitude);
    }

    /** The village whose outline contains the point (WGS 84), if any. Longitude first, as in GeoJSON. */
    public Optional<Region> locateVillage(double longitude, double latitude) {
        return locate(current(villageTree, RegionLevel.VILLAGE), longitude, latitude);
    }

    private Optional<Region> locate(STRtree index, double longitude, double latitude) {
        Point point = geometry.createPoint(new Coordinate(longitude, latitude));
        @SuppressWarnings("unchecked")
        List<Entry> candidates = index.query(point.getEnvelopeInternal());
        return candidates.stream()
                .filter(e -> e.shape().covers(point))
                .map(Entry::grid)
                .min(java.util.Comparator.comparing(r -> r.code().value()));
    }

    private STRtree current(AtomicReference<STRtree> held, RegionLevel level) {
        STRtree t = held.get();
        if (t == null) {
            t = build(level);
            held.set(t);
        }
        return t;
    }

    private STRtree build(RegionLevel level) {
        STRtree t = new STRtree();
        int count = 0;
        for (Region grid : regions.ofLevel(level)) {
            if (!grid.hasBoundary()) {
                continue;
            }
            try {
                Geometry shape = GeoJson.read(grid.boundary());
                t.insert(shape.getEnvelopeInternal(), new Entry(grid, PreparedGeometryFactory.prepare(shape)));
                count++;
            } catch (IllegalArgumentException e) {
                log.warn("Region {} has an unreadable boundary and is left out of the index: {}", grid.code(), e.getMessage());
            }
        }
        t.build();
        log.debug("{} index built with {} polygons", level, count);
        return t;
    }

    private record Entry(Region grid, PreparedGeometry shape) {
    }
}
