/**
 * 类案参考: full-text and similarity search over the closed cases a user may see, so that a mediator opening a
 * case sees the closest resolved ones, their outcome and who handled them. A Lucene index held in memory is
 * built from the database on first use and catches up from the case events before every search; the database
 * stays the only record, and jurisdiction is applied there, after the index has ranked.
 */
package org.fengqiao.precedents;
