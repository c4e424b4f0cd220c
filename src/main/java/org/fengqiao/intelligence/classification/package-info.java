/**
 * The request classifier: training, classification with confidences, evaluation, model files.
 */
@org.springframework.modulith.NamedInterface("classification")
package org.fengqiao.intelligence.classification;
