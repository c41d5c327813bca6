-- Draws of lots (抽签): entry codes and workstations, each reproducible from its published seed. The assignment is
-- kept in entrant order (registration ids ascending) beside the registrations it was written to.

create table draw (
    id          bigint generated always as identity primary key,
    event_id    bigint not null references event (id),
    kind        text not null check (kind in ('ENTRY_CODES', 'STATIONS')),
    seed        text not null,
    seed_source text not null check (seed_source in ('GIVEN', 'SERVER')),
    algorithm   text not null,
    prefix      text,
    -- The lots before the shuffle: the stations as given, or the entry codes that prefix and count give.
    lots        text[] not null,
    entrants    bigint[] not null,
    assigned    text[] not null,
    digest      text not null,
    drawn_by    bigint not null references account (id),
    drawn_at    timestamptz not null default now(),
    unique (event_id, kind),
    check (cardinality(entrants) = cardinality(assigned))
);
