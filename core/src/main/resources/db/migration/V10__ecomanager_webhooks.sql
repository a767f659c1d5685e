-- EcoManager webhooks (issue 13, section 1): the store's webhook secret (encrypted like its API
-- token), every webhook id registered on EcoManager, each accepted delivery, and the count of
-- refused ones (a refused delivery is never stored: only counted, per store and hour).

alter table stores add column webhook_secret_encrypted bytea
    check (webhook_secret_encrypted is null or octet_length(webhook_secret_encrypted) > 29);
alter table stores add column webhook_secret_rotated_at timestamptz;

create table ecomanager_webhooks (
    id              bigint generated always as identity primary key,
    store_id        bigint      not null references stores (id) on delete cascade,
    -- EcoManager's id of the webhook, kept as text: its type is not documented
    webhook_id      text        not null check (length(webhook_id) between 1 and 100),
    event           text        not null check (event in ('OrderCreated', 'OrderStatusChanged',
                                   'OrderConfirmationStatusChanged', 'OrderShippingStatusChanged', 'OrderDeleted')),
    delivery_url    text        not null,
    registered_by   text,
    registered_at   timestamptz not null default now(),
    constraint ecomanager_webhooks_unique unique (store_id, webhook_id)
);
create index ecomanager_webhooks_store on ecomanager_webhooks (store_id, event);

-- inbound_events now records every accepted EcoManager delivery, not only the ones kept for inspection
alter table inbound_events add column store_id bigint references stores (id) on delete cascade;
alter table inbound_events add column webhook_id text;
alter table inbound_events add column source_url text;
alter table inbound_events add column ecomanager_id bigint;
alter table inbound_events add column order_id bigint references orders (id) on delete set null;
alter table inbound_events add column order_updated_at timestamptz;
-- the body is kept for the deliveries someone must look at (malformed, quarantined, unknown event)
alter table inbound_events alter column payload drop not null;
alter table inbound_events drop constraint inbound_events_status_check;
alter table inbound_events add constraint inbound_events_status_check
    check (status in ('APPLIED', 'UNMATCHED', 'UNKNOWN_EVENT', 'MALFORMED',
                      'IMPORTED', 'DUPLICATE', 'UPDATED', 'STALE', 'RECORDED', 'IGNORED', 'QUARANTINED'));
create index inbound_events_store_received on inbound_events (store_id, received_at desc) where store_id is not null;
create index inbound_events_store_order on inbound_events (store_id, ecomanager_id, order_updated_at desc)
    where ecomanager_id is not null;

-- refused deliveries (wrong or missing signature): counted, never stored
create table webhook_rejections (
    store_id        bigint      not null references stores (id) on delete cascade,
    hour            timestamptz not null,
    rejections      integer     not null check (rejections > 0),
    primary key (store_id, hour)
);

-- the EcoManager updated_at of the version last applied to the order: an older delivery never
-- overwrites a newer one
alter table orders add column ecomanager_updated_at timestamptz;
