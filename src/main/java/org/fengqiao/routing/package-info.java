/**
 * Explainable routing: which unit handles a matter, by configurable rules (matter × level × region → kind of
 * unit), lowest competent level first, the region's governance centre as the fallback.
 */
package org.fengqiao.routing;
