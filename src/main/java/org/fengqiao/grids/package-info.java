/**
 * Grid work (网格): the grid workers of each grid, patrol logs from the phone (points only during a patrol and
 * with consent, photos, findings that become cases), the township's grid board — places and matters, never
 * lists of people.
 */
package org.fengqiao.grids;
