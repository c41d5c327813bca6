-- 网评分配 (issue 13): which judges review which entries of a document round, drawn from a published seed, and
-- every assignment and reassignment run kept with its inputs so that anyone can re-run it.

create table review_run (
    id             bigint generated always as identity primary key,
    event_id       bigint not null references event (id),
    kind           text not null check (kind in ('ASSIGN', 'REASSIGN')),
    seed           text not null,
    seed_source    text not null check (seed_source in ('GIVEN', 'SERVER')),
    algorithm      text not null,
    k              integer check (k between 1 and 50),
    dropped_judge  bigint references account (id),
    -- ASSIGN: {entrants: [{id, organizations}], judges: [{id, organization}], conflicts: {judge: [registration]}}
    -- REASSIGN: the same, plus the assignment before and the entries the dropped judge had marked
    inputs         jsonb not null,
    -- ASSIGN: {short: [...], loads: {...}}; REASSIGN: {moves: [{registrationId, from, to}], unplaced: [...]}
    outcome        jsonb not null,
    digest         text not null,
    run_by         bigint not null references account (id),
    run_at         timestamptz not null default now(),
    check ((kind = 'ASSIGN') = (k is not null)),
    check ((kind = 'REASSIGN') = (dropped_judge is not null))
);
create index review_run_event on review_run (event_id, id);
-- One assignment per event; later changes are reassignments.
create unique index review_run_one_assign on review_run (event_id) where kind = 'ASSIGN';

create table review_assignment (
    event_id        bigint not null references event (id),
    registration_id bigint not null references registration (id),
    account_id      bigint not null references account (id),
    run_id          bigint not null references review_run (id),
    primary key (event_id, registration_id, account_id)
);
create index review_assignment_judge on review_assignment (event_id, account_id);
