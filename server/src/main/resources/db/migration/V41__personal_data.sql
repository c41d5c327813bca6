-- 个人信息保护 (docs/privacy.md): who saw full personal data or changed it, and which people were anonymised.
-- Each row is one audited action: an organizer's export with full ID numbers, a person's data export, an erasure
-- request carried out, or the retention sweep (no account).
create table personal_data_action (
    id          bigint generated always as identity primary key,
    action      text not null check (action in ('FULL_ID_EXPORT', 'PERSON_EXPORT', 'ERASURE', 'RETENTION')),
    account_id  bigint references account (id),
    contest_id  bigint references contest (id),
    person_id   bigint references person (id),
    people      integer not null,
    reason      text not null,
    request_id  text,
    at          timestamptz not null default now(),
    check ((account_id is null) = (action = 'RETENTION'))
);
create index personal_data_action_at on personal_data_action (at desc);

-- Set when the person's name, employee number and ID number were replaced; results, logs and chains keep their ids.
-- Nullable and unread by the previous release (rolling upgrades).
alter table person add column anonymised_at timestamptz;
