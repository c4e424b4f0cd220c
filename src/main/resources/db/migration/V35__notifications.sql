-- Notifications: the transactional outbox (SMS and e-mail waiting for delivery), staff's in-app messages,
-- their preferences, the deadline reminders the module keeps from the case events, and the built-in recording
-- SMS gateway. Rows are written in the same transaction as the case change that causes them.

create table notification_outbox (
    id              bigint generated always as identity primary key,
    -- what caused the message and for whom; a second write with the same key is the same message
    idempotency_key text        not null unique,
    channel         text        not null check (channel in ('SMS', 'EMAIL')),
    kind            text        not null,
    recipient_user  bigint,                     -- the staff user, or null for a citizen
    address         text        not null,       -- a mobile number or an e-mail address
    params          jsonb       not null,
    urgent          boolean     not null default false,
    case_id         bigint,
    created_at      timestamptz not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    sent_at         timestamptz
);
create index notification_outbox_due_idx on notification_outbox (next_attempt_at) where status = 'PENDING';
-- the per-phone daily cap counts today's SMS to one address
create index notification_outbox_sent_idx on notification_outbox (address, sent_at) where status = 'SENT';

create table notification_inbox (
    id              bigint generated always as identity primary key,
    idempotency_key text        not null unique,
    user_id         bigint      not null references staff_user (id),
    kind            text        not null,
    params          jsonb       not null,
    case_id         bigint,
    created_at      timestamptz not null,
    read_at         timestamptz
);
create index notification_inbox_user_idx on notification_inbox (user_id, created_at desc, id desc);
create index notification_inbox_unread_idx on notification_inbox (user_id) where read_at is null;

create table notification_preference (
    user_id     bigint      primary key references staff_user (id),
    phone       text        check (phone ~ '^1[0-9]{10}$'),
    email       text        check (length(email) <= 254),
    sms_kinds   text[]      not null default '{}',
    email_kinds text[]      not null default '{}',
    updated_at  timestamptz not null
);

-- a handling deadline the module will remind the handling unit of, one working day before it falls due
create table notification_deadline_watch (
    case_id       bigint      primary key,
    tracking_code text        not null,
    unit_id       bigint      not null,
    due_at        timestamptz not null,
    remind_at     timestamptz not null,
    urgent        boolean     not null default false,
    reminded      boolean     not null default false
);
create index notification_deadline_watch_due_idx on notification_deadline_watch (remind_at) where not reminded;

-- what the built-in recording SMS gateway received (demo and tests); the key makes a resend a no-op
create table sms_recorded (
    id              bigint generated always as identity primary key,
    idempotency_key text        not null unique,
    phone           text        not null,
    template_id     text        not null,
    params          jsonb       not null,
    text            text        not null,
    received_at     timestamptz not null
);
