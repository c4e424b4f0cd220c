-- 回音壁 / 问题墙: the public response board. A supervisor proposes a case for publication with an automatically
-- de-identified summary (and, for a closed case, the official reply); a person reviews and approves it before it
-- appears. Only the approved text is ever shown; the case itself is read through the reporting views.
create table board_item (
    id            bigint generated always as identity primary key,
    case_id       bigint      not null unique,
    township_code varchar(12) not null,
    category_code text,
    title         text        not null check (length(title) between 1 and 200),
    summary       text        not null check (length(summary) between 1 and 4000),
    reply         text        check (length(reply) <= 4000),
    status        text        not null check (status in ('PROPOSED', 'PUBLISHED', 'WITHDRAWN')),
    proposed_by   bigint      not null references staff_user (id),
    proposed_at   timestamptz not null,
    approved_by   bigint      references staff_user (id),
    approved_at   timestamptz,
    check (status <> 'PUBLISHED' or (approved_by is not null and approved_at is not null))
);
create index board_item_published_idx on board_item (township_code, approved_at desc) where status = 'PUBLISHED';

-- 我也遇到: one per visitor (a keyed hash of the address, never the address) and item.
create table board_metoo (
    item_id       bigint      not null references board_item (id) on delete cascade,
    visitor_hash  bytea       not null,
    at            timestamptz not null,
    primary key (item_id, visitor_hash)
);

-- What hot topics read: how many people said "me too" to a published problem, per case.
create view board_metoo_report as
select i.case_id, count(m.*)::int as metoo
from board_item i join board_metoo m on m.item_id = i.id
where i.status = 'PUBLISHED'
group by i.case_id;
