-- The registry: who competes in what. Natural keys are unique so that imports and the demo load are idempotent.

create table organization (
    id          bigint generated always as identity primary key,
    name        text not null unique,
    credit_code text unique,
    region      text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table person (
    id              bigint generated always as identity primary key,
    name            text not null,
    employee_no     text not null,
    organization_id bigint not null references organization (id),
    trade           text,
    skill_grade     text,
    id_number       text unique,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (organization_id, employee_no)
);
create index person_trade on person (trade);

create table contest (
    id            bigint generated always as identity primary key,
    name          text not null,
    kind          text not null check (kind in ('SKILLS', 'INNOVATION', 'TRAINING')),
    level         text not null check (level in ('ENTERPRISE', 'COUNTY', 'CITY', 'PROVINCE', 'NATIONAL')),
    contest_class text check (contest_class in ('FIRST', 'SECOND')),
    year          integer not null,
    organizer     text not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (organizer, name, year)
);

create table event (
    id            bigint generated always as identity primary key,
    contest_id    bigint not null references contest (id),
    name          text not null,
    trade         text,
    next_entry_no integer not null default 1,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (contest_id, name)
);

create table team (
    id              bigint generated always as identity primary key,
    name            text not null,
    organization_id bigint not null references organization (id),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (organization_id, name)
);

create table team_member (
    team_id   bigint not null references team (id),
    person_id bigint not null references person (id),
    position  integer not null,
    primary key (team_id, person_id)
);
create index team_member_person on team_member (person_id);

create table registration (
    id         bigint generated always as identity primary key,
    event_id   bigint not null references event (id),
    person_id  bigint references person (id),
    team_id    bigint references team (id),
    entry_code text not null,
    station    text,
    status     text not null default 'REGISTERED' check (status in ('REGISTERED', 'WITHDRAWN')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((person_id is null) <> (team_id is null)),
    unique (event_id, entry_code)
);
create unique index registration_person_once on registration (event_id, person_id) where person_id is not null;
create unique index registration_team_once on registration (event_id, team_id) where team_id is not null;
create index registration_person on registration (person_id);
create index registration_team on registration (team_id);
