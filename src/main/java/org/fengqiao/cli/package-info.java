/**
 * The command line of {@code ./fengqiao}: serve the platform, import regions, run benchmarks and the text
 * classifier's tools.
 */
package org.fengqiao.cli;
