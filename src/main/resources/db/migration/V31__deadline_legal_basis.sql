-- Deadline policies cite their legal basis (a law by its short title and an article), which the law library
-- shows; the citations below were checked against the texts (LawCitationsTest).
alter table deadline_policy
    add column basis_law     text check (length(basis_law) between 2 and 100),
    add column basis_article text check (basis_article ~ '^第[零〇一二三四五六七八九十百千]+条$'),
    add check ((basis_law is null) = (basis_article is null));

update deadline_policy set basis_law = '信访工作条例', basis_article = '第二十三条',
    description = '信访事项自收到之日起15日内告知是否受理（《信访工作条例》第二十三条）'
    where code = 'ACCEPT_PETITION';
update deadline_policy set basis_law = '信访工作条例', basis_article = '第三十四条',
    description = '信访事项自受理之日起60日内办结（《信访工作条例》第三十四条）'
    where code = 'HANDLE_PETITION';
update deadline_policy set basis_law = '信访工作条例', basis_article = '第三十四条',
    description = '信访事项可延期1次，最长30日（《信访工作条例》第三十四条）'
    where code = 'EXTENSION_PETITION';
-- 人民调解法 sets no period; the month is the Ministry of Justice's rule (人民调解工作若干规定, 司法部令第75号,
-- 第三十三条), which the library does not hold: the citation names it all the same.
update deadline_policy set basis_law = '人民调解工作若干规定', basis_article = '第三十三条',
    description = '人民调解一般在1个月内调结（《人民调解工作若干规定》第三十三条）'
    where code = 'HANDLE_DISPUTE';
update deadline_policy set basis_law = '人民调解法', basis_article = '第三十三条',
    description = '调解协议生效之日起30日内可共同申请司法确认（《人民调解法》第三十三条、《民事诉讼法》第二百零五条）'
    where code = 'JUDICIAL_CONFIRMATION';
