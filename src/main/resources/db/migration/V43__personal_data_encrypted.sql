-- Parties' personal data encrypted at rest (SM4-GCM, see org.fengqiao.crypto): name, phone, id_number and
-- address hold sealed values 'v<key version>:<base64>'; key_version says which key sealed the row (null: a row
-- from before this migration, still in clear, which the start-up step encrypts); phone_hash and id_number_hash
-- are keyed hashes (HMAC-SM3) of the normalised values, the only thing searched. The clear lengths are checked
-- by the application (CaseCommands.PartyInput) before sealing.
alter table case_party drop constraint if exists case_party_name_check;
alter table case_party drop constraint if exists case_party_phone_check;
alter table case_party drop constraint if exists case_party_id_number_check;
alter table case_party drop constraint if exists case_party_address_check;
alter table case_party add column key_version integer;
alter table case_party add column phone_hash text;
alter table case_party add column id_number_hash text;
drop index if exists case_party_phone_idx;
drop index if exists case_party_id_number_idx;
create index case_party_phone_hash_idx on case_party (phone_hash) where phone_hash is not null;
create index case_party_id_number_hash_idx on case_party (id_number_hash) where id_number_hash is not null;

-- What the data keys must open at start-up (org.fengqiao.crypto.DataKeyCheck): per key version ('v1', …) a known
-- text sealed with it, and ('index') the keyed hash of a known text. No key is stored here.
create table data_key_check (
    name  text primary key,
    value text not null
);
