-- 研判会商: the review meetings of each centre (村每日一碰头、乡每周一会商、县每月一研判), their records, the decisions
-- taken per agenda item and the follow-up tasks carried onto the next agenda while open.
create table review_cadence (
    unit_id      bigint primary key references unit (id),
    frequency    text not null check (frequency in ('DAILY', 'WEEKLY', 'MONTHLY')),
    day_of_week  int  check (day_of_week between 1 and 7),
    day_of_month int  check (day_of_month between 1 and 28),
    meeting_time time not null
);

create table review_meeting (
    id            bigint generated always as identity primary key,
    unit_id       bigint      not null references unit (id),
    frequency     text        not null,
    held_at       timestamptz not null,
    period_from   timestamptz not null,
    period_to     timestamptz not null,
    chair         text        not null check (length(chair) between 1 and 50),
    attendees     text[]      not null default '{}',
    invited_units bigint[]    not null default '{}',
    summary       text        check (length(summary) <= 5000),
    recorded_by   bigint      not null references staff_user (id),
    recorded_at   timestamptz not null
);
create index review_meeting_unit_idx on review_meeting (unit_id, held_at desc);

create table review_decision (
    id         bigint generated always as identity primary key,
    meeting_id bigint not null references review_meeting (id),
    position   int    not null,
    section    text   not null,
    case_id    bigint references cases (id),
    action     text   not null check (action in ('ASSIGN', 'LEADER_TAKES', 'JOINT_MEDIATION', 'ESCALATE',
                                                 'FOLLOW_UP', 'NOTED')),
    unit_id    bigint references unit (id),
    leader     text   check (length(leader) <= 50),
    due_on     date,
    text       text   not null check (length(text) between 1 and 2000),
    unique (meeting_id, position)
);
create index review_decision_case_idx on review_decision (case_id);

create table review_follow_up (
    id          bigint generated always as identity primary key,
    meeting_id  bigint      not null references review_meeting (id),
    decision_id bigint      references review_decision (id),
    unit_id     bigint      not null references unit (id),
    case_id     bigint      references cases (id),
    task        text        not null check (length(task) between 1 and 2000),
    owner       text        not null check (length(owner) between 1 and 50),
    due_on      date        not null,
    done_at     timestamptz,
    done_note   text        check (length(done_note) <= 2000)
);
create index review_follow_up_open_idx on review_follow_up (unit_id) where done_at is null;
