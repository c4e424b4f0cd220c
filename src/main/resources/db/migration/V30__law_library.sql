-- 智库: the law library. A law is identified by its key (title, and part for a code published in parts); a
-- re-import deletes the earlier version with its articles and inserts the new one in the same transaction.
create table law (
    id           bigint generated always as identity primary key,
    law_key      text        not null unique,
    title        text        not null check (length(title) between 1 and 200),
    part         text,
    short_title  text        not null,
    version_date date,
    source       text        not null,
    imported_at  timestamptz not null,
    imported_by  bigint      references staff_user (id)
);

create table law_article (
    law_id  bigint not null references law (id) on delete cascade,
    number  int    not null check (number between 1 and 9999),
    label   text   not null check (label ~ '^第[零〇一二三四五六七八九十百千]+条$'),
    chapter text,
    text    text   not null check (length(text) > 0),
    primary key (law_id, number)
);
