-- The reporting contract of the cases module: what other modules (analytics, supervision, precedents, triage,
-- the benchmarks) may read of cases, as read-only views. They never name the cases module's tables; the cases
-- module may change its tables as long as these views keep their columns and meaning.
--
-- Each view is a plain projection of one table (no joins, no aggregates, no functions), so PostgreSQL folds it
-- into the query that reads it and plans that query exactly as if it read the table: the same indexes, the
-- same plans. The jurisdiction condition a report gets from CaseLists.scope (over the alias c) works on
-- case_report c as on cases c. Parties' personal data (case_party) is not part of the contract.

create view case_report as
select id, tracking_code, status, kind, channel, source_ref, category_code, dispute_type, title, description,
       address, latitude, longitude, region_code, grid_code, people_involved, amount_involved, urgent, risk_level,
       risk_reasons, registered_at, registered_by, registering_unit, owner_unit, handling_unit, routing_rule,
       routing_reason, assigned_at, accept_due_at, accepted_at, handle_due_at, handle_policy, overdue_since, chased_at,
       reported_at, supervised, extension_count, pending_extension, return_count, reopen_count, outcome, resolved,
       closed_at, closed_on_time, rating, evaluated_at, revisit_due_at, revisited_at, archived_at, merged_into,
       status not in ('REGISTERED', 'MERGED') as dispatched
from cases;
comment on view case_report is
    'Reporting contract of the cases module: one row per case, its state and facts (no party data). Read-only.';
comment on column case_report.dispatched is
    'A person has dispatched (or closed) the case: past registration and not merged into another.';

create view case_event_report as
select id, case_id, type, occurred_at, actor_user_id, actor_unit_id, from_status, to_status, reason, data
from case_event;
comment on view case_event_report is
    'Reporting contract of the cases module: the immutable event log of every case, oldest first by id. Read-only.';

create view case_suggestion_report as
select case_id, category_code, confidence, unit_id, rule_code, applied, threshold, model_id, suggested_at
from case_suggestion;
comment on view case_suggestion_report is
    'Reporting contract of the cases module: the category (and unit) triage suggested at intake. Read-only.';

create view case_mediation_report as
select id, case_id, held_at, place, mediators, result
from mediation_session;
comment on view case_mediation_report is
    'Reporting contract of the cases module: mediation sessions held (no participants, no notes). Read-only.';
