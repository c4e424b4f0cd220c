/**
 * Early warning (预警) from the facts of cases only: an explainable level with the rules that fired. No
 * profiling of people beyond the cases they are party to.
 */
package org.fengqiao.risk;
