-- Working-day calendar: weekdays work, weekends rest, except the days listed here. HOLIDAY rows are days
-- off (public holidays), WORKDAY rows are weekend days declared working days (调休).
create table calendar_day (
    day  date primary key,
    kind text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name text not null check (length(name) between 1 and 40)
);

-- State Council schedules for 2025 (国办发明电〔2024〕12号) and 2026 (notice of 2025-11-04).
insert into calendar_day (day, kind, name)
select d::date, 'HOLIDAY', h.name
from (values ('2025-01-01', '2025-01-01', '元旦'),
             ('2025-01-28', '2025-02-04', '春节'),
             ('2025-04-04', '2025-04-06', '清明节'),
             ('2025-05-01', '2025-05-05', '劳动节'),
             ('2025-05-31', '2025-06-02', '端午节'),
             ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
             ('2026-01-01', '2026-01-03', '元旦'),
             ('2026-02-15', '2026-02-23', '春节'),
             ('2026-04-04', '2026-04-06', '清明节'),
             ('2026-05-01', '2026-05-05', '劳动节'),
             ('2026-06-19', '2026-06-21', '端午节'),
             ('2026-09-25', '2026-09-27', '中秋节'),
             ('2026-10-01', '2026-10-07', '国庆节')) as h(first_day, last_day, name),
     generate_series(h.first_day::date, h.last_day::date, interval '1 day') as d;

insert into calendar_day (day, kind, name) values
    ('2025-01-26', 'WORKDAY', '春节调休'),
    ('2025-02-08', 'WORKDAY', '春节调休'),
    ('2025-04-27', 'WORKDAY', '劳动节调休'),
    ('2025-09-28', 'WORKDAY', '国庆节调休'),
    ('2025-10-11', 'WORKDAY', '国庆节调休'),
    ('2026-01-04', 'WORKDAY', '元旦调休'),
    ('2026-02-14', 'WORKDAY', '春节调休'),
    ('2026-02-28', 'WORKDAY', '春节调休'),
    ('2026-05-09', 'WORKDAY', '劳动节调休'),
    ('2026-09-20', 'WORKDAY', '国庆节调休'),
    ('2026-10-10', 'WORKDAY', '国庆节调休');

-- Deadline policies. For a step, the most specific active policy whose criteria all match the case wins
-- (null criteria match anything). ACCEPT, HANDLE, REVISIT, SUPERVISION, JUDICIAL_CONFIRMATION and
-- EXTENSION_MAX give the end of the n-th day after the start; CHASE and REPORT fall due when offices open
-- (08:30) on the n-th working day after the missed deadline (or after the chase).
create table deadline_policy (
    id              bigint generated always as identity primary key,
    code            text    not null unique check (code ~ '^[A-Z0-9_]{2,60}$'),
    step            text    not null check (step in ('ACCEPT', 'HANDLE', 'CHASE', 'REPORT', 'REVISIT', 'SUPERVISION',
                                                     'JUDICIAL_CONFIRMATION', 'EXTENSION_MAX')),
    channel         text,
    kind            text,
    category_prefix text,
    urgent          boolean,
    amount          int     not null check (amount between 0 and 3650),
    unit            text    not null check (unit in ('WORKING_DAYS', 'CALENDAR_DAYS', 'HOURS')),
    limit_count     int     check (limit_count between 0 and 10),
    description     text    not null,
    active          boolean not null default true
);

insert into deadline_policy (code, step, channel, kind, urgent, amount, unit, limit_count, description) values
    ('ACCEPT_DEFAULT',        'ACCEPT',  null,        null,           null, 1,  'WORKING_DAYS', null, '交办后1个工作日内签收'),
    ('ACCEPT_URGENT',         'ACCEPT',  null,        null,           true, 2,  'HOURS',        null, '紧急事项交办后2小时内签收'),
    ('ACCEPT_PETITION',       'ACCEPT',  'PETITION',  null,           null, 15, 'CALENDAR_DAYS', null, '信访事项15日内决定是否受理（《信访工作条例》）'),
    ('HANDLE_DEFAULT',        'HANDLE',  null,        null,           null, 13, 'WORKING_DAYS', null, '投诉、举报等13个工作日内办结'),
    ('HANDLE_URGENT',         'HANDLE',  null,        null,           true, 0,  'WORKING_DAYS', null, '紧急事项当日办结'),
    ('HANDLE_CONSULTATION',   'HANDLE',  null,        'CONSULTATION', null, 3,  'WORKING_DAYS', null, '咨询类3个工作日内答复'),
    ('HANDLE_HELP',           'HANDLE',  null,        'HELP',         null, 3,  'WORKING_DAYS', null, '求助类3个工作日内办结'),
    ('HANDLE_DISPUTE',        'HANDLE',  null,        'DISPUTE',      null, 30, 'CALENDAR_DAYS', null, '人民调解一般在1个月内调结'),
    ('HANDLE_PETITION',       'HANDLE',  'PETITION',  null,           null, 60, 'CALENDAR_DAYS', null, '信访事项自受理之日起60日内办结'),
    ('CHASE_DEFAULT',         'CHASE',   null,        null,           null, 1,  'WORKING_DAYS', null, '逾期次一工作日自动催办'),
    ('REPORT_DEFAULT',        'REPORT',  null,        null,           null, 5,  'WORKING_DAYS', null, '催办后5个工作日仍未办结的予以通报'),
    ('REVISIT_DEFAULT',       'REVISIT', null,        null,           null, 1,  'WORKING_DAYS', null, '办结后次一工作日回访'),
    ('SUPERVISION_DEFAULT',   'SUPERVISION', null,    null,           null, 3,  'WORKING_DAYS', null, '督办件3个工作日内反馈'),
    ('JUDICIAL_CONFIRMATION', 'JUDICIAL_CONFIRMATION', null, null,    null, 30, 'CALENDAR_DAYS', null, '调解协议生效之日起30日内申请司法确认（《民事诉讼法》）'),
    ('EXTENSION_DEFAULT',     'EXTENSION_MAX', null,  null,           null, 10, 'WORKING_DAYS', 1,    '可申请延期1次，最长10个工作日'),
    ('EXTENSION_PETITION',    'EXTENSION_MAX', 'PETITION', null,      null, 30, 'CALENDAR_DAYS', 1,   '信访事项可延期1次，最长30日（《信访工作条例》）');

-- Routing rules: a matter (kind, category, dispute type) in a region goes to a kind of unit at a level.
-- Among the matching rules the lowest level that has such a unit wins; the region's centre is the fallback.
create table routing_rule (
    id              bigint generated always as identity primary key,
    code            text    not null unique check (code ~ '^[A-Z0-9_-]{2,60}$'),
    name            text    not null,
    kind            text,
    category_prefix text,
    dispute_type    text    references dispute_type (code),
    region_prefix   text    check (region_prefix ~ '^[0-9]{2,12}$'),
    level           text    not null check (level in ('VILLAGE', 'TOWNSHIP', 'COUNTY')),
    unit_kind       text    not null,
    priority        int     not null default 100,
    active          boolean not null default true,
    check (kind is not null or category_prefix is not null or dispute_type is not null)
);

insert into routing_rule (code, name, kind, dispute_type, level, unit_kind) values
    ('NEIGHBOUR-V',      '邻里纠纷由村（社区）调委会就地调解',        null, 'NEIGHBOUR',           'VILLAGE',  'MEDIATION_COMMITTEE'),
    ('NEIGHBOUR-T',      '邻里纠纷村级无调委会时由司法所调解',        null, 'NEIGHBOUR',           'TOWNSHIP', 'JUSTICE_OFFICE'),
    ('FAMILY-V',         '婚姻家庭纠纷由村（社区）调委会调解',        null, 'MARRIAGE_FAMILY',     'VILLAGE',  'MEDIATION_COMMITTEE'),
    ('FAMILY-T',         '婚姻家庭纠纷由乡镇妇联协同调处',            null, 'MARRIAGE_FAMILY',     'TOWNSHIP', 'WOMENS_FEDERATION'),
    ('HOMESTEAD-V',      '房屋宅基地纠纷由村（社区）调委会调解',      null, 'HOUSING_HOMESTEAD',   'VILLAGE',  'MEDIATION_COMMITTEE'),
    ('HOMESTEAD-T',      '房屋宅基地纠纷由乡镇自然资源所处理',        null, 'HOUSING_HOMESTEAD',   'TOWNSHIP', 'NATURAL_RESOURCES'),
    ('LAND-V',           '土地承包山林水利纠纷由村（社区）调委会调解', null, 'LAND_FOREST_WATER',   'VILLAGE',  'MEDIATION_COMMITTEE'),
    ('LAND-T',           '土地承包山林水利纠纷由乡镇农业农村办处理',  null, 'LAND_FOREST_WATER',   'TOWNSHIP', 'AGRICULTURE'),
    ('WAGES-T',          '劳动争议欠薪由乡镇劳动保障所处理',          null, 'LABOUR_WAGES',        'TOWNSHIP', 'LABOUR'),
    ('WAGES-C',          '劳动争议欠薪由县级人社部门处理',            null, 'LABOUR_WAGES',        'COUNTY',   'LABOUR'),
    ('PROPERTY-T',       '物业纠纷由乡镇住建部门处理',                null, 'PROPERTY_MANAGEMENT', 'TOWNSHIP', 'HOUSING'),
    ('PROPERTY-C',       '物业纠纷由县级物业纠纷调委会调解',          null, 'PROPERTY_MANAGEMENT', 'COUNTY',   'PROFESSIONAL_MEDIATION'),
    ('CONSUMER-T',       '消费纠纷由市场监管所处理',                  null, 'CONSUMER',            'TOWNSHIP', 'MARKET_REGULATION'),
    ('CONSUMER-C',       '消费纠纷由县级市场监管部门处理',            null, 'CONSUMER',            'COUNTY',   'MARKET_REGULATION'),
    ('MEDICAL-C',        '医疗纠纷由医疗纠纷人民调解委员会调解',      null, 'MEDICAL',             'COUNTY',   'PROFESSIONAL_MEDIATION'),
    ('TRAFFIC-T',        '交通事故赔偿由派出所（交警中队）调处',      null, 'TRAFFIC',             'TOWNSHIP', 'POLICE_STATION'),
    ('TRAFFIC-C',        '交通事故赔偿由县级交通事故调委会调解',      null, 'TRAFFIC',             'COUNTY',   'PROFESSIONAL_MEDIATION'),
    ('ACQUISITION-C',    '征地拆迁纠纷由县级自然资源部门处理',        null, 'LAND_ACQUISITION',    'COUNTY',   'NATURAL_RESOURCES'),
    ('DEBT-T',           '合同债务纠纷由司法所调解',                  null, 'CONTRACT_DEBT',       'TOWNSHIP', 'JUSTICE_OFFICE'),
    ('DEBT-C',           '合同债务纠纷由人民法院诉前调解',            null, 'CONTRACT_DEBT',       'COUNTY',   'COURT'),
    ('POLLUTION-C',      '环境污染纠纷由县级生态环境部门处理',        null, 'POLLUTION',           'COUNTY',   'ENVIRONMENT'),
    ('OTHER-DISPUTE-T',  '其他纠纷由司法所调解',                      null, 'OTHER',               'TOWNSHIP', 'JUSTICE_OFFICE');

insert into routing_rule (code, name, kind, level, unit_kind) values
    ('LEGAL-AID-T',      '法律援助申请由司法所受理',                  'LEGAL_AID',     'TOWNSHIP', 'JUSTICE_OFFICE'),
    ('LEGAL-AID-C',      '法律援助申请由县法律援助中心受理',          'LEGAL_AID',     'COUNTY',   'LEGAL_AID'),
    ('PSYCH-T',          '心理疏导转介乡镇卫生院心理服务站',          'PSYCH_SUPPORT', 'TOWNSHIP', 'HEALTH'),
    ('PSYCH-C',          '心理疏导转介县卫生健康部门心理服务',        'PSYCH_SUPPORT', 'COUNTY',   'HEALTH'),
    ('HAZARD-T',         '安全隐患由乡镇综合行政执法队处置',          'SAFETY_HAZARD', 'TOWNSHIP', 'URBAN_MANAGEMENT');
