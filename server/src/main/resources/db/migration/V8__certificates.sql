-- Award certificates (获奖证书): one per award (a team's award is one certificate naming every member), issued in a batch per signed-off event, each with an
-- unguessable verification code that a public page checks. What the certificate prints is stored as issued, so a
-- later rename or correction never changes what a printed certificate verifies as; a corrected result revokes the
-- old certificate (with the reason) and issues a new one.

create table certificate (
    id              bigint generated always as identity primary key,
    -- 12 characters of Crockford base32 (no I, L, O, U): 60 random bits.
    code            text not null unique check (code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
    event_id        bigint not null references event (id),
    registration_id bigint not null references registration (id),
    -- As printed: the person, or the team's name and its members in team order.
    team_name       text,
    names           text[] not null check (cardinality(names) >= 1),
    -- The entrants' enterprises, each once, joined with 、.
    enterprise      text not null,
    award_code      text not null,
    award_name_zh   text not null,
    award_name_en   text not null,
    contest_name    text not null,
    event_name      text not null,
    rank            integer,
    issued_on       date not null,
    result_version  bigint not null,
    issued_by       bigint not null references account (id),
    issued_at       timestamptz not null default now(),
    revoked_at      timestamptz,
    revoked_reason  text,
    check ((revoked_at is null) = (revoked_reason is null))
);

-- At most one valid certificate per entry; revoked ones stay, so their codes still verify as revoked.
create unique index certificate_valid_once on certificate (registration_id) where revoked_at is null;
create index certificate_event on certificate (event_id, id);

-- An organizer's own layout for a contest's certificates; without one the server's default template applies.
create table certificate_template (
    contest_id bigint primary key references contest (id),
    template   jsonb not null,
    updated_by bigint not null references account (id),
    updated_at timestamptz not null default now()
);
