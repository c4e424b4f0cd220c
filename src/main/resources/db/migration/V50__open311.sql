-- Open311 GeoReport v2: the client systems allowed to post service requests (a city's 12345 platform, an app),
-- each with its own API key, stored only as a SHA-256 digest (the key is shown once, when it is issued), and the
-- staff account its requests are registered under.
create table open311_client (
    id            bigint generated always as identity primary key,
    name          text        not null check (length(name) between 1 and 100),
    key_hash      bytea       not null unique,
    acting_user   bigint      not null references staff_user (id),
    created_at    timestamptz not null,
    created_by    bigint      references staff_user (id),
    revoked_at    timestamptz,
    last_used_at  timestamptz
);

-- The requests that came in through Open311: the case they became (registered through the same service as
-- staff intake), the service code the client chose, the client's account id and media, and the description as
-- the API shows it (de-identified once, when the request arrives: the submitter's name and other personal data
-- taken out). The token answers GET tokens/{token} (the server is realtime: POST already returns the id).
create table open311_request (
    case_id       bigint      primary key,
    client_id     bigint      not null references open311_client (id),
    service_code  text        not null,
    account_id    text        check (length(account_id) <= 100),
    media_url     text        check (length(media_url) <= 2000),
    public_description text   not null check (length(public_description) <= 10000),
    token         text        not null unique,
    requested_at  timestamptz not null
);
create index open311_request_requested_idx on open311_request (requested_at, case_id);
