-- The request taxonomy (3 levels, 12345-style). Codes are positional: 2 digits for level 1, 4 for level 2,
-- 7 for level 3, so a category's subtree shares its code as prefix.
create table category (
    code        text    primary key check (code ~ '^[0-9]{2}([0-9]{2}([0-9]{3})?)?$'),
    name        text    not null check (length(name) between 1 and 60),
    level       smallint not null check (level between 1 and 3),
    parent_code text    references category (code),
    active      boolean not null default true,
    check ((level = 1) = (parent_code is null))
);
create unique index category_name_idx on category (coalesce(parent_code, ''), name);

-- Dispute types (DOMAIN.md §4).
create table dispute_type (
    code    text primary key check (code ~ '^[A-Z_]{2,40}$'),
    name_zh text not null,
    name_en text not null,
    sort    int  not null
);

insert into dispute_type (code, name_zh, name_en, sort) values
    ('MARRIAGE_FAMILY',    '婚姻家庭',          'Marriage and family',            10),
    ('NEIGHBOUR',          '邻里纠纷',          'Neighbours',                     20),
    ('HOUSING_HOMESTEAD',  '房屋宅基地',        'Housing and homesteads',         30),
    ('LAND_FOREST_WATER',  '土地承包·山林水利', 'Land contracts, forests, water', 40),
    ('LABOUR_WAGES',       '劳动争议·欠薪',     'Labour disputes, wage arrears',  50),
    ('PROPERTY_MANAGEMENT','物业纠纷',          'Property management',            60),
    ('CONSUMER',           '消费纠纷',          'Consumer disputes',              70),
    ('MEDICAL',            '医疗纠纷',          'Medical disputes',               80),
    ('TRAFFIC',            '交通事故赔偿',      'Traffic accident compensation',  90),
    ('LAND_ACQUISITION',   '征地拆迁',          'Land acquisition, demolition',  100),
    ('CONTRACT_DEBT',      '合同债务',          'Contracts and debts',           110),
    ('POLLUTION',          '环境污染',          'Pollution',                     120),
    ('OTHER',              '其他纠纷',          'Other disputes',                990);
