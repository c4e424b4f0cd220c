/**
 * Smart triage (智能分派): suggests a new request's category with the classifier of
 * {@code org.fengqiao.intelligence.classification}, trained on the deployment's own dispatched cases (a
 * dispatcher's correction is a training example) or uploaded from a model trained on files, and keeps the
 * models in the database so every instance of a cluster suggests alike. The case service asks it at intake
 * and decides, by a configurable confidence, whether the case is routed at once or goes to a person.
 */
package org.fengqiao.triage;
