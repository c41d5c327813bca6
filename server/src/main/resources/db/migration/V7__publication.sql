-- Publication (公示) of an event's signed-off results. Each publication is kept: who published, when, the notice
-- period and the score-log sequence it published. An upheld appeal withdraws the current one (it stays, with when,
-- which appeal and why); after a new sign-off the organizer publishes again as a new row. Whether a publication is
-- in its notice period or final is derived from the notice end and the event's pending appeals, never stored.

create table publication (
    id               bigint generated always as identity primary key,
    event_id         bigint not null references event (id),
    published_by     bigint not null references account (id),
    published_at     timestamptz not null,
    notice_hours     integer not null check (notice_hours between 1 and 720),
    notice_ends_at   timestamptz not null,
    signed_off_at    timestamptz not null,
    log_seq          bigint not null,
    withdrawn_at     timestamptz,
    withdrawn_appeal bigint references appeal (id),
    withdrawn_reason text,
    check (notice_ends_at > published_at),
    check ((withdrawn_at is null) = (withdrawn_reason is null))
);

-- At most one publication of an event stands at a time.
create unique index publication_current on publication (event_id) where withdrawn_at is null;
create index publication_event on publication (event_id, id);
