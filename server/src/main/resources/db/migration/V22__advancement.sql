-- 晋级 / 推荐晋级 (issue 13): entries moved on from one event's results into another event (the next round of the
-- same contest, or another contest's event), with their content and documents, and why.
create table advancement (
    id            bigint generated always as identity primary key,
    from_event_id bigint not null references event (id),
    to_event_id   bigint not null references event (id),
    -- the scheme's rule as applied: {topN, requirePass}
    rule          jsonb not null,
    -- [{fromRegistrationId, toRegistrationId, rank, total, normalised}] and the entries already there
    advanced      jsonb not null,
    advanced_by   bigint not null references account (id),
    advanced_at   timestamptz not null default now(),
    check (from_event_id <> to_event_id)
);
create index advancement_from on advancement (from_event_id);
create index advancement_to on advancement (to_event_id);
