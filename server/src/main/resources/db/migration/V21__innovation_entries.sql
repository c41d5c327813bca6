-- 创新成果 (issue 13): an innovation entry's content and documents, kept with its registration. PostgreSQL is the
-- store of record for the documents too (bytea), each with its SHA-256.

alter table event
    add column submission_opens_at  timestamptz,
    add column submission_closes_at timestamptz,
    add constraint event_submission_window_check check (submission_closes_at > submission_opens_at);

create table innovation_entry (
    registration_id  bigint primary key references registration (id),
    title            text not null check (length(title) between 1 and 200),
    kind             text not null check (kind in ('TECH_INNOVATION', 'INVENTION', 'ADVANCED_METHOD', 'SUGGESTION')),
    summary          text not null default '' check (length(summary) <= 5000),
    patent_numbers   text[] not null default '{}',
    standard_numbers text[] not null default '{}',
    -- 创造经济效益, in 万元, two decimals
    benefit          numeric(14, 2) check (benefit >= 0),
    video_url        text check (video_url ~ '^https?://'),
    updated_by       bigint not null references account (id),
    updated_at       timestamptz not null default now()
);

create table entry_attachment (
    id              bigint generated always as identity primary key,
    registration_id bigint not null references registration (id),
    file_name       text not null check (length(file_name) between 1 and 200),
    content_type    text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes      integer not null check (size_bytes > 0),
    sha256          text not null,
    content         bytea not null,
    uploaded_by     bigint not null references account (id),
    uploaded_at     timestamptz not null default now()
);
create index entry_attachment_registration on entry_attachment (registration_id, id);

-- Who changed an entry, when, and how: every write by an entrant or an organizer.
create table entry_audit (
    id              bigint generated always as identity primary key,
    registration_id bigint not null references registration (id),
    account_id      bigint not null references account (id),
    action          text not null,
    detail          jsonb not null,
    at              timestamptz not null default now()
);
create index entry_audit_registration on entry_audit (registration_id, id);
