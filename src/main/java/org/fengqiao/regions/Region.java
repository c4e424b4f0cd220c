package org.fengqiao.regions;

/**
 * A region or grid.
 *
 * @param boundary GeoJSON geometry (Polygon or MultiPolygon, WGS 84 longitude/latitude), or {@code null}
 */
public record Region(DivisionCode code, String name, RegionLevel level, DivisionCode parentCode, String boundary) {

    public boolean hasBoundary() {
        return boundary != null;
    }
}
