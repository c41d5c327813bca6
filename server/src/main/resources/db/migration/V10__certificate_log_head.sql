-- The score log's head when a certificate was issued (评分日志校验码), printed on it so that whoever holds it can
-- later have the organizers check that the log still holds that record. Null for certificates issued before.
alter table certificate add column log_seq bigint, add column log_hash text;
