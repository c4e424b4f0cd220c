/**
 * Measures (研判): intake, resolution, closure, timeliness, satisfaction and bounce figures over the cases a
 * user may reach, each with its definition — for the dashboard, the case map and the analytics API; and the hot
 * topics (热点) of the review agendas ({@code topics}).
 */
package org.fengqiao.analytics;
