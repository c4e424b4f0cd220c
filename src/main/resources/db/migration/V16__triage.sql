-- Smart triage: the category classifier's models and what it suggested for each case at intake.

-- Models live in the database, not on one machine's disk: every instance of a cluster classifies with the same
-- (latest) model, and a backup of the database carries it.
create table triage_model (
    id          bigint generated always as identity primary key,
    trained_at  timestamptz not null,
    source      text        not null,   -- CASES (the deployment's own cases) or UPLOAD (trained from files)
    trigger     text        not null,   -- SCHEDULE, DEMO, a user's name, ...
    examples    int         not null,
    labels      text[]      not null,
    model       bytea       not null
);

-- What the classifier suggested when the case was registered without a category. Written in the same
-- statement as the case (see V15 for why there is no foreign key); never changed afterwards, so the accuracy
-- of suggestions can be measured against what dispatchers finally chose.
create table case_suggestion (
    case_id        bigint       primary key,
    category_code  text         not null references category (code),
    confidence     numeric(5,4) not null,
    top            jsonb        not null,   -- [{"code": ..., "confidence": ...}], best first
    unit_id        bigint       references unit (id),
    rule_code      text,
    applied        boolean      not null,   -- confident enough: the case was categorised and routed without a person
    threshold      numeric(5,4) not null,
    model_id       bigint       not null references triage_model (id),
    suggested_at   timestamptz  not null
);
create index case_suggestion_time_idx on case_suggestion (suggested_at);
