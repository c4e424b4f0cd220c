/**
 * Records no one can quietly change: verifies the hash chains of the case events (per case and per day) and of
 * the audit log, seals each finished day and checks the day before every night.
 */
package org.fengqiao.records;
