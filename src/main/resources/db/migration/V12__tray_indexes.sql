-- Supervisors' trays: the few cases waiting for an extension decision or a review.
create index cases_pending_extension_idx on cases (region_code) where pending_extension is not null;
create index cases_under_review_idx on cases (region_code) where status = 'UNDER_REVIEW';
create index supervision_notice_open_idx on supervision_notice (unit_id, case_id) where answered_at is null;
