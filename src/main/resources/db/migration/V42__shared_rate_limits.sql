-- Rate limits and sign-in failure counters shared by every instance of the platform (issue 13: throttling must
-- hold behind a load balancer, not per instance).

-- Bucket4j's PostgreSQL proxy manager: one row per limited key (a client address, a phone's hash ...), the
-- bucket's serialized state, and when it may be forgotten (epoch milliseconds, set by Bucket4j).
create table rate_limit_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);

-- Failed sign-ins per user name and per user name and client, for the doubling delay.
create table login_failure (
    key      text primary key,
    failures integer     not null check (failures > 0),
    last_at  timestamptz not null
);
create index login_failure_last on login_failure (last_at);
