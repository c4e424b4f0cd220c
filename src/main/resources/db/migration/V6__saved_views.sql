-- A user's saved case-list views: a name and the list's query string.
create table saved_view (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null references staff_user (id) on delete cascade,
    name       text        not null check (length(name) between 1 and 40),
    query      text        not null check (length(query) <= 2000),
    created_at timestamptz not null default now(),
    unique (user_id, name)
);
