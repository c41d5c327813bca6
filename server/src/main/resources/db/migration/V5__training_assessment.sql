-- Training assessments (培训考核) judged in Jiangxin: one row per person, event and revision, written when the
-- event is signed off. Private to the worker and the organizer: read only by the worker's page. A passed
-- revision is posted to the ledgers as TRAINING_ASSESSMENT evidence; a later revision reverses the earlier one.
create table ladder_assessment (
    id            bigint generated always as identity primary key,
    person_id     bigint not null references person (id),
    event_key     text not null,
    event_id      bigint not null references event (id),
    event_name    text not null,
    total         numeric(12, 4),
    passed        boolean not null,
    rank          integer,
    held_on       date not null,
    signed_off_on date not null,
    revision      integer not null,
    constraint ladder_assessment_once unique (person_id, event_key, revision)
);
create index ladder_assessment_event on ladder_assessment (event_key);
