-- 劳模工匠助企行: the service platform. A platform belongs to a union (总工会), itself an organization row; union staff
-- and enterprise contacts are accounts tied to their organization. Craftsmen are ladder people (person rows) on the
-- union's resource list, and sign in with their worker (COMPETITOR) account.

alter table account add column organization_id bigint references organization (id);
alter table account drop constraint account_kind_check;
alter table account add constraint account_kind_check
    check (kind in ('ORGANIZER', 'JUDGE', 'ARBITER', 'COMPETITOR', 'ENTERPRISE', 'UNION_STAFF'));
alter table account drop constraint account_contest_check;
alter table account add constraint account_contest_check
    check ((kind in ('ORGANIZER', 'COMPETITOR', 'ENTERPRISE', 'UNION_STAFF')) = (contest_id is null));
alter table account add constraint account_service_organization_check
    check ((kind in ('ENTERPRISE', 'UNION_STAFF')) = (organization_id is not null));

create table service_platform (
    id              bigint generated always as identity primary key,
    union_org_id    bigint not null unique references organization (id),
    name            text not null unique,
    region          text not null,
    created_at      timestamptz not null default now()
);

-- 产业链: the chains a platform organizes its lists by (e.g. Weifang's "9+3+N").
create table service_chain (
    id          bigint generated always as identity primary key,
    platform_id bigint not null references service_platform (id),
    name        text not null,
    constraint service_chain_name_once unique (platform_id, name)
);

-- 服务分队: by chain or by region.
create table service_team (
    id          bigint generated always as identity primary key,
    platform_id bigint not null references service_platform (id),
    name        text not null,
    chain_id    bigint references service_chain (id),
    region      text,
    constraint service_team_name_once unique (platform_id, name)
);

-- 一企一档案: an enterprise registered on a platform.
create table service_enterprise (
    organization_id bigint primary key references organization (id),
    platform_id     bigint not null references service_platform (id),
    chain_id        bigint not null references service_chain (id),
    region          text not null,
    contact_name    text,
    phone           text,
    created_at      timestamptz not null default now()
);

-- 资源清单 / 专家库: a ladder person serving on a platform.
create table service_expert (
    person_id   bigint primary key references person (id),
    platform_id bigint not null references service_platform (id),
    team_id     bigint references service_team (id),
    chain_ids   bigint[] not null default '{}',
    trades      text[] not null default '{}',
    specialties text[] not null default '{}',
    honours     text[] not null default '{}',
    region      text not null,
    available   boolean not null default true,
    capacity    integer not null default 3 check (capacity between 1 and 20),
    updated_at  timestamptz not null default now()
);
create index service_expert_platform on service_expert (platform_id);

create table service_need (
    id              bigint generated always as identity primary key,
    platform_id     bigint not null references service_platform (id),
    organization_id bigint not null references service_enterprise (organization_id),
    title           text not null,
    description     text not null,
    chain_id        bigint not null references service_chain (id),
    kind            text not null,
    mode            text not null,
    urgency         text not null,
    place           text not null,
    attachments     jsonb not null default '[]',
    source          text not null check (source in ('ONLINE', 'VISIT')),
    state           text not null,
    current_order   bigint,
    created_by      bigint not null references account (id),
    submitted_on    date not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index service_need_platform on service_need (platform_id, state);
create index service_need_enterprise on service_need (organization_id);

create table service_order (
    id              bigint generated always as identity primary key,
    need_id         bigint not null references service_need (id),
    platform_id     bigint not null references service_platform (id),
    person_id       bigint references person (id),
    team_id         bigint references service_team (id),
    state           text not null,
    revision        integer not null default 1,
    dispatched_on   date not null,
    due_on          date not null,
    scheduled_on    date,
    served_on       date,
    hours           numeric(6, 1),
    mode            text,
    workers_trained integer,
    problems_solved integer,
    efficiency      text,
    money_saved     numeric(14, 2),
    summary         text,
    photos          jsonb not null default '[]',
    satisfaction    integer check (satisfaction between 1 and 5),
    comment         text,
    confirmed_on    date,
    case_published  boolean not null default false,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (person_id is not null or team_id is not null)
);
create index service_order_person on service_order (person_id, state);
create index service_order_need on service_order (need_id);
-- Deferrable: a need names its current order and an order its need, so a restore loads both before the check.
alter table service_need add constraint service_need_current_order_fkey
    foreign key (current_order) references service_order (id) deferrable initially immediate;

-- Every state change with who, when and why.
create table service_transition (
    id          bigint generated always as identity primary key,
    need_id     bigint not null references service_need (id),
    order_id    bigint references service_order (id),
    action      text not null,
    from_state  text,
    to_state    text not null,
    account_id  bigint not null references account (id),
    role        text not null,
    reason      text,
    at          timestamptz not null default now()
);
create index service_transition_need on service_transition (need_id, id);
