/**
 * What arrives: the 3-level request taxonomy (12345-style, loaded from TSV) and the dispute types.
 */
package org.fengqiao.categories;
