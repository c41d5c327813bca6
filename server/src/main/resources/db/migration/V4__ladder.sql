-- The craftsman ladder (工匠梯队): configurations as data, tier holdings, contest results and evidence as facts,
-- the immutable points ledger priced from them, training and mentoring, nominations with every decision,
-- and quota claims taken atomically with the naming.

-- A ladder configuration (the ladder module's YAML/JSON format), owned by an organization. Re-importing a code
-- adds a version; the highest version is in force, earlier ones stay for the record.
create table ladder_config (
    id              bigint generated always as identity primary key,
    code            text not null,
    version         integer not null,
    organization_id bigint not null references organization (id),
    public_roster   boolean not null default false,
    document        text not null,
    imported_by     bigint references account (id),
    imported_at     timestamptz not null default now(),
    constraint ladder_config_code_version_key unique (code, version)
);

-- Each ladder id belongs to one configuration code, so tier holdings and nominations can name it.
create table ladder (
    ladder_id       text primary key,
    config_code     text not null,
    organization_id bigint not null references organization (id),
    scope           text not null
);

-- A person holds at most one tier per ladder at a time: one open holding per ladder and person.
create table ladder_tier_holding (
    id            bigint generated always as identity primary key,
    ladder_id     text not null references ladder (ladder_id),
    person_id     bigint not null constraint ladder_holding_person_fkey references person (id),
    tier_code     text not null,
    start_on      date not null,
    end_on        date,
    basis         text not null,
    nomination_id bigint,
    recorded_by   bigint references account (id),
    recorded_at   timestamptz not null default now(),
    check (end_on is null or end_on > start_on)
);
create unique index ladder_holding_open on ladder_tier_holding (ladder_id, person_id) where end_on is null;
create index ladder_holding_person on ladder_tier_holding (person_id);

-- Contest results as facts, one row per revision: 0 as signed off, +1 whenever a later sign-off (after an
-- upheld appeal) changes the rank or award; rank null means the result was withdrawn (disqualified).
create table ladder_result (
    id             bigint generated always as identity primary key,
    person_id      bigint not null constraint ladder_result_person_fkey references person (id),
    event_key      text not null,
    event_id       bigint references event (id),
    event_name     text not null,
    trade          text,
    level          text not null,
    contest_class  text not null,
    rank           integer check (rank is null or rank >= 1),
    award          text not null default '',
    held_on        date not null,
    signed_off_on  date not null,
    revision       integer not null check (revision >= 0),
    source         text not null check (source in ('JUDGING', 'RECORDED')),
    recorded_at    timestamptz not null default now(),
    constraint ladder_result_revision_key unique (event_key, person_id, revision)
);
create index ladder_result_person on ladder_result (person_id);

-- Other evidence as facts: training hours and assessments, innovation, 送技入企, honours, certificates.
create table ladder_evidence (
    id           bigint generated always as identity primary key,
    person_id    bigint not null constraint ladder_evidence_person_fkey references person (id),
    kind         text not null,
    reference    text not null,
    qualifier    text not null default '',
    title        text,
    level        text,
    grade        text,
    hours        numeric(10, 2),
    effective_on date not null,
    recorded_on  date not null,
    recorded_by  bigint references account (id),
    constraint ladder_evidence_once unique (person_id, kind, reference)
);

-- The points ledger of each configuration: append-only, keyed by deterministic source keys.
create table ladder_ledger (
    id           bigint generated always as identity primary key,
    config_code  text not null,
    source_key   text not null,
    person_id    bigint not null references person (id),
    category     text not null,
    points       numeric(12, 2) not null,
    effective_on date not null,
    recorded_on  date not null,
    evidence     jsonb not null,
    reverses     text,
    note_zh      text not null,
    note_en      text not null,
    created_at   timestamptz not null default now(),
    constraint ladder_ledger_source_key unique (config_code, source_key),
    check (reverses is not null or points >= 0)
);
create index ladder_ledger_person on ladder_ledger (person_id, config_code);

create function ladder_ledger_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'ladder_ledger entries are immutable; post a counter-entry instead';
end $$;
create trigger ladder_ledger_no_change before update or delete on ladder_ledger
    for each row execute function ladder_ledger_immutable();

-- Which signed-off state of an event its results were last posted for; a mismatch means "post again".
create table ladder_event_posting (
    event_id      bigint primary key references event (id),
    signed_off_at timestamptz not null,
    posted_at     timestamptz not null default now()
);

create table ladder_course (
    id              bigint generated always as identity primary key,
    organization_id bigint not null constraint ladder_course_organization_fkey references organization (id),
    code            text not null,
    name            text not null,
    hours           numeric(10, 2) not null check (hours > 0),
    held_on         date not null,
    constraint ladder_course_code_key unique (organization_id, code)
);

create table ladder_attendance (
    course_id  bigint not null references ladder_course (id),
    person_id  bigint not null constraint ladder_attendance_person_fkey references person (id),
    hours      numeric(10, 2) not null check (hours > 0),
    assessment text check (assessment in ('PASSED', 'FAILED')),
    recorded_at timestamptz not null default now(),
    constraint ladder_attendance_once primary key (course_id, person_id)
);

create table ladder_mentorship (
    id            bigint generated always as identity primary key,
    mentor_id     bigint not null constraint ladder_mentor_fkey references person (id),
    apprentice_id bigint not null constraint ladder_apprentice_fkey references person (id),
    started_on    date not null,
    ended_on      date,
    goals         jsonb not null default '[]',
    check (mentor_id <> apprentice_id),
    constraint ladder_mentorship_once unique (mentor_id, apprentice_id, started_on)
);
create index ladder_mentorship_apprentice on ladder_mentorship (apprentice_id);

create table ladder_progress (
    id             bigint generated always as identity primary key,
    mentorship_id  bigint not null references ladder_mentorship (id),
    kind           text not null check (kind in ('GRADE_REACHED', 'HONOUR_WON', 'MILESTONE')),
    on_date        date not null,
    grade          text,
    honour_level   text,
    description    text,
    evidence_ref   text,
    recorded_at    timestamptz not null default now()
);
create index ladder_progress_mentorship on ladder_progress (mentorship_id);

create table ladder_nomination (
    id               bigint generated always as identity primary key,
    config_code      text not null,
    ladder_id        text not null references ladder (ladder_id),
    tier_code        text not null,
    year             integer not null,
    person_id        bigint not null constraint ladder_nomination_person_fkey references person (id),
    trade            text,
    organization_id  bigint not null,
    rule_reference   text not null,
    route            text not null,
    step_policy      text not null,
    explanation      jsonb not null,
    state            text not null,
    notice_opens_at  timestamptz,
    notice_closes_at timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint ladder_nomination_once unique (ladder_id, tier_code, year, person_id)
);

create table ladder_decision (
    nomination_id bigint not null references ladder_nomination (id),
    seq           integer not null,
    action        text not null,
    from_state    text,
    to_state      text not null,
    by_account    bigint references account (id),
    by_name       text not null,
    decided_at    timestamptz not null,
    why           text not null,
    note_zh       text not null,
    note_en       text not null,
    recorded_at   timestamptz not null default now(),
    primary key (nomination_id, seq)
);

create table ladder_objection (
    nomination_id bigint not null references ladder_nomination (id),
    objection_id  text not null,
    filed_by      text not null,
    filed_at      timestamptz not null,
    statement     text not null,
    ruling        text,
    ruled_by      text,
    ruled_at      timestamptz,
    ruling_why    text,
    primary key (nomination_id, objection_id)
);

-- One row per title and year, locked (select ... for update) by every naming, so two organizers naming the
-- last slot at once are serialised: the second sees the first's claim and is refused.
create table ladder_quota_year (
    ladder_id text not null references ladder (ladder_id),
    tier_code text not null,
    year      integer not null,
    primary key (ladder_id, tier_code, year)
);

create table ladder_quota_claim (
    ladder_id       text not null,
    tier_code       text not null,
    year            integer not null,
    person_id       bigint not null references person (id),
    trade           text,
    organization_id bigint not null,
    nomination_id   bigint not null references ladder_nomination (id),
    claimed_at      timestamptz not null default now(),
    primary key (ladder_id, tier_code, year, person_id),
    foreign key (ladder_id, tier_code, year) references ladder_quota_year (ladder_id, tier_code, year)
);
