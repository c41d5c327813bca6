-- 劳模工匠助企行: uploaded photos, drawings and documents, stored in PostgreSQL like an innovation entry's.
-- A need's files (order_id null) come from the enterprise or the staff who entered it; an order's files are the
-- craftsman's service photos. The earlier {name, url} links in service_need.attachments and service_order.photos
-- stay where they are and are still shown as links: the platform never held those bytes, so nothing to migrate.
create table service_file (
    id           bigint generated always as identity primary key,
    need_id      bigint not null references service_need (id),
    order_id     bigint references service_order (id),
    file_name    text not null,
    content_type text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes   integer not null check (size_bytes > 0),
    sha256       text not null,
    content      bytea not null,
    uploaded_by  bigint not null references account (id),
    uploaded_at  timestamptz not null default now()
);
create index service_file_need on service_file (need_id, order_id);
create index service_file_order on service_file (order_id) where order_id is not null;
