/**
 * Hot topics (热点): recent requests grouped by what they are about and where, named by their key terms and
 * ranked by size, growth, public support and recency — for the review agendas (村每日一碰头、乡每周一会商、
 * 县每月一研判). About matters and places only, never about the people who wrote them.
 */
@org.springframework.modulith.NamedInterface("topics")
package org.fengqiao.intelligence.topics;
