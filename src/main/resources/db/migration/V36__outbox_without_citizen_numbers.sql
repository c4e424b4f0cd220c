-- A citizen's SMS about a case no longer stores the applicant's mobile number: the worker looks it up in the
-- case's sealed party data (SM4) when it sends, so the outbox holds no clear personal data and key rotation
-- covers it. The per-phone daily cap counts by the number's keyed hash (HMAC-SM3).
alter table notification_outbox alter column address drop not null;
alter table notification_outbox add column address_hash text;
drop index notification_outbox_sent_idx;
create index notification_outbox_sent_idx on notification_outbox (address_hash, sent_at) where status = 'SENT';
