/**
 * The case and its closed loop (全链条闭环): registration, triage, assignment, acceptance, return, transfer,
 * escalation, handling, extension, supervision, closing with an outcome, evaluation, archive, revisit and
 * merge — each a guarded transition that appends an immutable event. Other modules use its commands
 * ({@code CaseService}), its reads ({@code CaseQueries}, {@code CaseLists}) and, in SQL, only its reporting
 * views ({@code case_report} and the others of {@code V18__case_reporting_views.sql}).
 */
package org.fengqiao.cases;
