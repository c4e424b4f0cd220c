/**
 * Text intelligence in plain Java (no Spring, no database): Chinese text normalisation and search terms,
 * the request classifier, hot topics. Developed and evaluated on its own; the platform calls it.
 */
package org.fengqiao.intelligence;
