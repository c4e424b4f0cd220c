/**
 * Hot topics (热点) for the review agendas (村每日一碰头、乡每周一会商、县每月一研判): the cases a user may reach,
 * registered in the agenda's period and the one before, grouped by {@code intelligence.topics} — part of the
 * analytics module, with its page and API in {@code web}; the review agendas read it (a named interface).
 */
@org.springframework.modulith.NamedInterface("topics")
package org.fengqiao.analytics.topics;
