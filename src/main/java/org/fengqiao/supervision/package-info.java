/**
 * Supervision (督办): the supervision board of overdue and nearly due cases by unit, supervision of many cases
 * at once, and units ranked by their on-time closure rate.
 */
package org.fengqiao.supervision;
