/**
 * Supervision (督办): the durable, cluster-safe scheduler that runs the deadline sweep (overdue, chase,
 * report) and catches up after downtime.
 */
package org.fengqiao.supervision;
