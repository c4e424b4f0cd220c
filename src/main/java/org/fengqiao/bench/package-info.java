/**
 * The benchmark suite behind {@code ./fengqiao bench}: load generators that drive the platform's services on
 * a fresh, durable embedded PostgreSQL and print one {@code BENCH name=… value=… unit=…} line per figure.
 */
package org.fengqiao.bench;
