-- 网格事项准入: the approved list of matters that may be pushed down to the village level (village centres, their
-- committees and grid workers). The national rule is that line departments' matters must not be pushed down to
-- the grassroots: routing skips a village-level rule for a matter not on the list, and a manual assignment or
-- transfer to a village-level unit is refused with the reason. An entry matches like a routing rule: null
-- criteria match anything, but an entry names at least a kind or a dispute type.
create table matter_admission (
    code            text primary key check (code ~ '^[A-Z0-9_-]{2,60}$'),
    name            text    not null check (length(name) between 1 and 100),
    kind            text,
    category_prefix text,
    dispute_type    text,
    basis           text    check (length(basis) <= 500),
    active          boolean not null default true,
    check (kind is not null or category_prefix is not null or dispute_type is not null)
);

insert into matter_admission (code, name, kind, category_prefix, dispute_type, basis) values
    ('NEIGHBOUR',       '邻里纠纷',             'DISPUTE', null, 'NEIGHBOUR',         '小事不出村：邻里纠纷由村（社区）就地调解'),
    ('FAMILY',          '婚姻家庭纠纷',         'DISPUTE', null, 'MARRIAGE_FAMILY',   '婚姻家庭纠纷由村（社区）调委会先行调解'),
    ('HOMESTEAD',       '房屋宅基地纠纷',       'DISPUTE', null, 'HOUSING_HOMESTEAD', '宅基地、房屋相邻关系纠纷由村（社区）先行调解'),
    ('LAND',            '土地承包·山林水利纠纷', 'DISPUTE', null, 'LAND_FOREST_WATER', '村集体范围内的承包、山林、水利纠纷'),
    ('PROPERTY',        '物业纠纷',             'DISPUTE', null, 'PROPERTY_MANAGEMENT',     '社区范围内的物业纠纷'),
    ('HAZARD',          '安全隐患巡查处置',     'SAFETY_HAZARD', null, null,          '网格巡查发现的隐患先行处置、上报'),
    ('CONSULTATION',    '政策咨询与引导',       'CONSULTATION', null, null,           '咨询就地解答，引导群众到中心'),
    ('HELP',            '群众求助',             'HELP', null, null,                   '就近帮扶求助'),
    ('SUGGESTION',      '意见建议',             'SUGGESTION', null, null,             '收集群众意见建议');
