/**
 * Demo data for {@code ./fengqiao serve --demo}: 诸暨市 › 枫桥镇 and its 31 villages and communities, their
 * centres and departments, a user for every role, grids, and about 300 cases over the last six months in
 * every state — loaded once, through the same services as live data.
 */
package org.fengqiao.demo;
