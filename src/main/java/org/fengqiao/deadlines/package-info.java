/**
 * Deadlines counted in working days on China's official calendar (holidays and 调休 make-up workdays),
 * fixed at each step by named, configurable policies.
 */
package org.fengqiao.deadlines;
