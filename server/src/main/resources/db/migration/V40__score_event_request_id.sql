-- The HTTP request that appended each score-log record (X-Request-Id), so an operator can follow a mark from the
-- server's log lines to the record. Not covered by the hash chain: it says how the record arrived, not what it
-- records. Nullable and unread by the previous release, so both can share the database during a rolling upgrade.
alter table score_event add column request_id text;
