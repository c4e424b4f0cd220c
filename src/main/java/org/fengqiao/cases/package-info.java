/**
 * The case and its closed loop (全链条闭环): registration, triage, assignment, acceptance, return, transfer,
 * escalation, handling, extension, supervision, closing with an outcome, evaluation, archive, revisit and
 * merge — each a guarded transition that appends an immutable event.
 */
package org.fengqiao.cases;
