/**
 * The command line of {@code ./fengqiao}: serve the platform, import regions, run benchmarks, the text
 * classifier's tools and the hot-topic list.
 */
package org.fengqiao.cli;
