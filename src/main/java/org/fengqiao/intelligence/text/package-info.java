/**
 * Chinese text: normalisation, segmentation, search terms.
 */
@org.springframework.modulith.NamedInterface("text")
package org.fengqiao.intelligence.text;
