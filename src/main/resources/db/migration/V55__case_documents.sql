-- What the 人民调解协议书 needs beyond the terms (人民调解法 第二十九条): each party's responsibility, and how and by
-- when the agreement is carried out. Optional for agreements recorded before; the document names them missing.
alter table mediation_agreement
    add column responsibilities text check (length(responsibilities) <= 2000),
    add column performance      text check (length(performance) <= 2000),
    add column perform_by       date;

-- Signatures given at the table on a screen: the image, who signed (role, optionally the party), when, and the
-- SM3 hash of the document's text they signed. Never changed.
create table document_signature (
    id            bigint generated always as identity primary key,
    case_id       bigint      not null references cases (id),
    document_kind text        not null,
    subject_id    bigint,
    signer_role   text        not null check (signer_role in ('APPLICANT', 'RESPONDENT', 'THIRD_PARTY', 'MEDIATOR')),
    party_id      bigint,
    image         bytea       not null check (length(image) between 1 and 262144),
    image_sm3     bytea       not null,
    document_sm3  bytea       not null,
    signed_at     timestamptz not null,
    recorded_by   bigint      not null references staff_user (id)
);
create index document_signature_case_idx on document_signature (case_id, document_kind, subject_id);
create trigger document_signature_immutable before update or delete on document_signature
    for each row execute function forbid_change();

-- The archived case file (卷宗): one per archiving, made from the case as it stood when archived. The PDF and its
-- SM3 hash are written once (pdf null until built) and never changed after.
create table case_file (
    id          bigint generated always as identity primary key,
    case_id     bigint      not null references cases (id),
    archived_at timestamptz not null,
    archived_by bigint      references staff_user (id),
    pdf         bytea,
    pdf_sm3     bytea,
    built_at    timestamptz,
    unique (case_id, archived_at)
);
create index case_file_pending_idx on case_file (id) where pdf is null;

create function case_file_written_once() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.pdf is not null then
        raise exception 'an archived case file is never changed' using errcode = 'restrict_violation';
    end if;
    return new;
end $$;
create trigger case_file_written_once before update or delete on case_file
    for each row execute function case_file_written_once();
