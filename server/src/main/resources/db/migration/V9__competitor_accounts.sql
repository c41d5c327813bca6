-- Worker (competitor, 选手) accounts: one per person, tied to the person and to no contest, so a worker can sign in
-- with a code and read their own ladder page. Judges and arbiters stay tied to one contest; organizers to none.

alter table account drop constraint account_kind_check;
alter table account add constraint account_kind_check
    check (kind in ('ORGANIZER', 'JUDGE', 'ARBITER', 'COMPETITOR'));

alter table account drop constraint account_check;
alter table account add constraint account_contest_check
    check ((kind in ('ORGANIZER', 'COMPETITOR')) = (contest_id is null));
alter table account add constraint account_competitor_person_check
    check (kind <> 'COMPETITOR' or person_id is not null);

-- Reissuing a worker's code replaces it on this one row.
create unique index account_competitor_once on account (person_id) where kind = 'COMPETITOR';
