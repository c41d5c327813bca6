-- 多轮合成 (issue 13): the totals of earlier rounds an entry brings into the next round when it advances, so that
-- a scheme with `rounds` combines them with the current round's score by weight. Written by the advancement (the
-- earlier round is signed off then, so its totals no longer change) and never edited.
create table round_total (
    registration_id bigint not null references registration (id),
    -- the round's id as the combining scheme's `rounds.weights` names it (docs/innovation.md)
    round_id        text not null check (length(round_id) between 1 and 100),
    total           numeric not null,
    from_event_id   bigint not null references event (id),
    advancement_id  bigint references advancement (id),
    primary key (registration_id, round_id)
);
