-- Live judging: accounts and sessions, panels and conflicts, the append-only score log with its hash chain,
-- idempotency of writes, sheet locks and appeals.

create table account (
    id              bigint generated always as identity primary key,
    kind            text not null check (kind in ('ORGANIZER', 'JUDGE', 'ARBITER')),
    display_name    text not null,
    -- Judges and arbiters act for one contest; organizers for all.
    contest_id      bigint references contest (id),
    person_id       bigint references person (id),
    -- The sign-in code is shown once and kept only as its SHA-256.
    code_hash       text not null unique,
    created_at      timestamptz not null default now(),
    disabled_at     timestamptz,
    check ((kind = 'ORGANIZER') = (contest_id is null))
);
create unique index account_judge_once on account (contest_id, person_id) where person_id is not null;

create table session (
    token_hash  text primary key,
    account_id  bigint not null references account (id),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    device      text,
    address     text
);
create index session_account on session (account_id);

alter table event
    add column scheme jsonb,
    add column appeal_window_minutes integer not null default 120 check (appeal_window_minutes between 0 and 10080),
    add column signed_off_at timestamptz;

create table panel_member (
    event_id   bigint not null references event (id),
    account_id bigint not null references account (id),
    role       text not null check (role in ('JUDGE', 'HEAD_JUDGE')),
    created_at timestamptz not null default now(),
    primary key (event_id, account_id)
);
create index panel_member_account on panel_member (account_id);

-- A declared conflict of interest (回避) beyond the automatic one of sharing an organization.
create table conflict (
    account_id      bigint not null references account (id),
    registration_id bigint not null references registration (id),
    reason          text not null,
    declared_by     bigint not null references account (id),
    created_at      timestamptz not null default now(),
    primary key (account_id, registration_id)
);

-- One row per event: the sequence and the hash of the last record of its log. Appends lock this row, which
-- orders an event's records and links each to the previous one.
create table event_chain (
    event_id  bigint primary key references event (id),
    last_seq  bigint not null default 0,
    last_hash text not null default ''
);

create table score_event (
    event_id        bigint not null references event (id),
    seq             bigint not null,
    registration_id bigint references registration (id),
    kind            text not null,
    aspect_id       text,
    judge_id        bigint references account (id),
    old_value       numeric,
    new_value       numeric,
    detail          text,
    reason          text,
    -- Canonical JSON written by the server, kept as text so the hash covers exactly these bytes.
    payload         text,
    actor_id        bigint not null references account (id),
    actor_role      text not null,
    device          text,
    address         text,
    created_at      timestamptz not null,
    prev_hash       text not null,
    hash            text not null,
    primary key (event_id, seq)
);
create index score_event_registration on score_event (registration_id);
create index score_event_judge on score_event (judge_id);
create index score_event_actor on score_event (actor_id);

-- The projection that writes must check under the chain lock: is the sheet locked?
create table sheet_state (
    event_id        bigint not null references event (id),
    registration_id bigint not null references registration (id),
    locked          boolean not null default false,
    primary key (event_id, registration_id)
);

create table idempotency (
    account_id   bigint not null references account (id),
    key          text not null,
    request_hash text not null,
    status       integer,
    response     jsonb,
    created_at   timestamptz not null default now(),
    primary key (account_id, key)
);

create table appeal (
    id              bigint generated always as identity primary key,
    event_id        bigint not null references event (id),
    registration_id bigint not null references registration (id),
    statement       text not null,
    filed_by        bigint not null references account (id),
    filed_at        timestamptz not null default now(),
    status          text not null default 'FILED' check (status in ('FILED', 'UPHELD', 'REJECTED')),
    decided_by      bigint references account (id),
    decided_at      timestamptz,
    decision        text
);
create index appeal_event on appeal (event_id);
