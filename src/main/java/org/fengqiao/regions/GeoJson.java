package org.fengqiao.regions;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads and checks region boundaries written as GeoJSON geometries.
 */
public final class GeoJson {

    private GeoJson() {
    }

    /**
     * Parses a Polygon or MultiPolygon in WGS 84 longitude/latitude.
     *
     * @throws IllegalArgumentException with a readable reason when the text is not such a geometry
     */
    public static Geometry read(String geoJson) {
        Geometry g;
        try {
            g = new GeoJsonReader().read(geoJson);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("not a GeoJSON geometry: " + e.getMessage());
        }
        if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
            throw new IllegalArgumentException("a boundary must be a Polygon or MultiPolygon, not " + g.getGeometryType());
        }
        if (!g.isValid()) {
            throw new IllegalArgumentException("the polygon is not valid (self-intersecting or badly closed)");
        }
        var env = g.getEnvelopeInternal();
        if (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90 || env.getMaxY() > 90) {
            throw new IllegalArgumentException("coordinates must be longitude/latitude in degrees (WGS 84)");
        }
        return g;
    }
}
