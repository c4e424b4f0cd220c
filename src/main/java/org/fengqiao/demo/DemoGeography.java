package org.fengqiao.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Schematic geography for the demo: each village of 枫桥镇 is a rectangle on a 6 × 6 tiling of the town's
 * bounding box, and grids split a village into quarters. They are drawn for illustration, not surveyed
 * boundaries.
 */
final class DemoGeography {

    static final double WEST = 120.40;
    static final double EAST = 120.52;
    static final double SOUTH = 29.64;
    static final double NORTH = 29.74;
    static final int COLUMNS = 6;
    static final int ROWS = 6;

    /** A longitude/latitude rectangle. */
    record Box(double west, double south, double east, double north) {

        String geoJson() {
            return String.format(Locale.ROOT,
                    "{\"type\":\"Polygon\",\"coordinates\":[[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f]]]}",
                    west, south, east, south, east, north, west, north, west, south);
        }

        /** The quarters, numbered 1 (north-west) to 4 (south-east). */
        List<Box> quarters() {
            double midX = (west + east) / 2;
            double midY = (south + north) / 2;
            return List.of(new Box(west, midY, midX, north), new Box(midX, midY, east, north),
                    new Box(west, south, midX, midY), new Box(midX, south, east, midY));
        }

        /** A point inside, away from the edges (so it falls in exactly one grid). */
        double[] pointAt(double fx, double fy) {
            double x = west + (east - west) * (0.05 + 0.9 * fx);
            double y = south + (north - south) * (0.05 + 0.9 * fy);
            return new double[] {x, y};
        }
    }

    private DemoGeography() {
    }

    static Box town() {
        return new Box(WEST, SOUTH, EAST, NORTH);
    }

    /** The rectangle of the i-th village (0-based). */
    static Box village(int index) {
        double w = (EAST - WEST) / COLUMNS;
        double h = (NORTH - SOUTH) / ROWS;
        int col = index % COLUMNS;
        int row = index / COLUMNS;
        double west = WEST + col * w;
        double north = NORTH - row * h;
        return new Box(west, north - h, west + w, north);
    }

    static List<Box> villages(int count) {
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boxes.add(village(i));
        }
        return boxes;
    }
}
