/**
 * Duplicate detection at intake: scores how probably an incoming matter is the same as an open one (text,
 * region, distance, parties, time) and says why; plus the reader and evaluation used to measure it.
 */
@org.springframework.modulith.NamedInterface("duplicates")
package org.fengqiao.intelligence.duplicates;
