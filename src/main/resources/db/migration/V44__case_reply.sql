-- The reply to the citizen (答复): written by the handler when a case a citizen brought is closed (final), or
-- sent while it is handled (interim). Kept apart from the internal notes of the timeline; the public pages and
-- Open311 read it through cases.CaseReplies.
create table case_reply (
    id         bigint generated always as identity primary key,
    case_id    bigint      not null references cases (id),
    text       text        not null check (length(text) between 1 and 5000),
    interim    boolean     not null,
    replied_at timestamptz not null,
    replied_by bigint      references staff_user (id),
    unit_id    bigint      references unit (id)
);
create index case_reply_case_idx on case_reply (case_id, replied_at, id);
