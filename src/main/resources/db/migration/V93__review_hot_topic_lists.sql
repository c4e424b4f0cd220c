-- The hot-topic lists of review agendas (reviews.AgendaHotTopics), kept where every instance of the platform reads
-- them: clustering a county's two months of cases takes seconds, so a scheduled warm-up computes the lists of the
-- centres meeting that day before the meeting, and any instance that computes a list stores it here too. One row
-- per jurisdiction (region prefix, '' for none, and unit), period and day; rows older than a week are dropped by
-- the warm-up. The list is the analytics module's HotTopicList as JSON.
create table review_hot_topic_list (
    region_prefix text        not null,
    unit_id       bigint      not null references unit (id),
    period        text        not null check (period in ('DAY', 'WEEK', 'MONTH')),
    day           date        not null,
    change_mark   bigint      not null,
    computed_at   timestamptz not null,
    list          jsonb       not null,
    primary key (unit_id, region_prefix, period, day)
);
