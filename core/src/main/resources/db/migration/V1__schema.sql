-- LibertaPhonix Scheduler: the whole data model.
-- Every timestamp is timestamptz; enumerations are checked text so a bad value cannot be stored;
-- the hot queries of the jobs and the admin API each have an index.

-- ---------------------------------------------------------------------------------------------
-- Runs: the ledger of every job execution (scheduled, manual, retried, skipped, failed ...)
-- ---------------------------------------------------------------------------------------------
create table job_runs (
    id              uuid primary key,
    job_id          text        not null check (job_id in ('ecomanager-sync', 'shipping-status-sync', 'daily-cleanup')),
    trigger         text        not null check (trigger in ('SCHEDULED', 'MANUAL', 'RETRY', 'CATCH_UP')),
    event_id        text,
    actor           text,
    scheduled_at    timestamptz,
    started_at      timestamptz not null,
    ended_at        timestamptz,
    heartbeat_at    timestamptz,
    deadline_at     timestamptz,
    status          text        not null check (status in ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'SKIPPED', 'ABANDONED')),
    skip_reason     text,
    attempt         integer     not null default 1 check (attempt >= 1),
    lock_owner      text,
    counts          jsonb       not null default '{}'::jsonb,
    results         jsonb,
    error           jsonb,
    constraint job_runs_running_has_no_end check ((status = 'RUNNING') = (ended_at is null)),
    constraint job_runs_skip_has_reason check ((status = 'SKIPPED') = (skip_reason is not null)),
    constraint job_runs_ends_after_start check (ended_at is null or ended_at >= started_at)
);
-- the database's own guard of "one run per job at a time"
create unique index job_runs_one_running_per_job on job_runs (job_id) where status = 'RUNNING';
create index job_runs_job_started on job_runs (job_id, started_at desc);
create index job_runs_started on job_runs (started_at desc);
create index job_runs_status_started on job_runs (status, started_at desc);
create index job_runs_event on job_runs (event_id) where event_id is not null;

-- ---------------------------------------------------------------------------------------------
-- Stores: EcoManager shop accounts
-- ---------------------------------------------------------------------------------------------
create table stores (
    id                      bigint generated always as identity primary key,
    identifier              text        not null unique check (identifier ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    name                    text        not null check (length(name) between 1 and 200),
    base_url                text        not null check (base_url ~ '^https?://[^\s]+$'),
    -- AES-GCM: key version byte, 12-byte IV, ciphertext and tag. Never stored or selected in clear.
    api_token_encrypted     bytea       not null check (octet_length(api_token_encrypted) > 29),
    -- last characters of the token, for a masked display such as "••••3f9a"
    api_token_hint          text        not null check (length(api_token_hint) <= 4),
    active                  boolean     not null default true,
    import_cursor           bigint      not null default 0 check (import_cursor >= 0),
    last_import_at          timestamptz,
    credential_state        text        not null default 'OK' check (credential_state in ('OK', 'REJECTED')),
    credential_error        text,
    credential_checked_at   timestamptz,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    version                 bigint      not null default 0,
    constraint stores_rejected_has_reason check (credential_state = 'OK' or credential_error is not null)
);
create index stores_active on stores (identifier) where active;

-- ---------------------------------------------------------------------------------------------
-- Agents: call-centre staff who work the imported orders
-- ---------------------------------------------------------------------------------------------
create table agents (
    id                  bigint generated always as identity primary key,
    name                text        not null check (length(name) between 1 and 200),
    email               text        not null check (email ~ '^[^@\s]+@[^@\s]+$'),
    active              boolean     not null default true,
    available           boolean     not null default true,
    daily_capacity      integer     not null default 50 check (daily_capacity between 0 and 10000),
    last_assigned_at    timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             bigint      not null default 0
);
create unique index agents_email_unique on agents (lower(email));
create index agents_assignable on agents (last_assigned_at nulls first) where active and available;

-- ---------------------------------------------------------------------------------------------
-- Customers and orders
-- ---------------------------------------------------------------------------------------------
create table customers (
    id          bigint generated always as identity primary key,
    full_name   text        not null check (length(full_name) between 1 and 200),
    -- normalised Algerian number: 0 followed by 9 digits (mobile 05/06/07) or 8 digits (landline)
    phone       text        not null unique check (phone ~ '^0[0-9]{8,9}$'),
    wilaya      text,
    commune     text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table orders (
    id                      bigint generated always as identity primary key,
    store_id                bigint      not null references stores (id),
    ecomanager_id           bigint      not null check (ecomanager_id > 0),
    reference               text        not null check (length(reference) between 1 and 100),
    customer_id             bigint      not null references customers (id),
    status                  text        not null check (status in ('PENDING', 'ASSIGNED', 'IN_PROGRESS', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED')),
    ecomanager_state        text,
    confirmation_state      text,
    ordered_at              timestamptz,
    total                   numeric(12, 2) not null check (total >= 0),
    assigned_agent_id       bigint      references agents (id),
    assigned_at             timestamptz,
    shipping_status_code    integer     check (shipping_status_code >= 0),
    shipping_status_label   text,
    tracking_number         text,
    maystro_order_id        text,
    shipping_alerted_at     timestamptz,
    shipping_delivered_at   timestamptz,
    shipping_alert_reason   text,
    shipping_abort_reason   text,
    shipping_synced_at      timestamptz,
    last_run_id             uuid        references job_runs (id) on delete set null,
    imported_at             timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    constraint orders_store_ecomanager_unique unique (store_id, ecomanager_id),
    constraint orders_store_reference_unique unique (store_id, reference),
    constraint orders_assignment_complete check ((assigned_agent_id is null) = (assigned_at is null)),
    constraint orders_shipping_label_with_code check (shipping_status_code is not null or shipping_status_label is null)
);
-- shipping sync: orders still on their way (41 LIVRÉ, 50 ANNULÉ, 52 PRIS PAR LE MAGASIN are terminal)
create index orders_shipping_open on orders (imported_at)
    where shipping_status_code is null or shipping_status_code not in (41, 50, 52);
create index orders_reference on orders (reference);
create index orders_tracking_number on orders (tracking_number) where tracking_number is not null;
-- agent assignment: today's load per agent, and the unassigned backlog oldest first
create index orders_agent_assigned_at on orders (assigned_agent_id, assigned_at) where assigned_agent_id is not null;
create index orders_unassigned on orders (imported_at, id) where assigned_agent_id is null and status = 'PENDING';
create index orders_customer on orders (customer_id);
create index orders_last_run on orders (last_run_id) where last_run_id is not null;

create table order_items (
    id          bigint generated always as identity primary key,
    order_id    bigint      not null references orders (id) on delete cascade,
    line_no     integer     not null check (line_no >= 1),
    product_id  text,
    sku         text,
    title       text        not null,
    quantity    integer     not null check (quantity > 0),
    unit_price  numeric(12, 2) check (unit_price >= 0),
    total_price numeric(12, 2) check (total_price >= 0),
    constraint order_items_line_unique unique (order_id, line_no)
);

create table order_status_events (
    id                  bigint generated always as identity primary key,
    order_id            bigint      not null references orders (id) on delete cascade,
    source              text        not null check (source in ('IMPORT', 'ASSIGNMENT', 'SHIPPING_SYNC', 'WEBHOOK', 'ADMIN')),
    from_status         text,
    to_status           text        not null,
    from_shipping_code  integer,
    to_shipping_code    integer,
    run_id              uuid        references job_runs (id) on delete set null,
    occurred_at         timestamptz not null default now(),
    details             jsonb
);
create index order_status_events_order on order_status_events (order_id, occurred_at desc);
create index order_status_events_run on order_status_events (run_id) where run_id is not null;

-- Orders that could not be imported (missing id, unparsable total, no items ...), kept with their raw
-- payload until someone looks at them; re-seen on a later run they are updated, not duplicated.
create table quarantined_orders (
    id              bigint generated always as identity primary key,
    store_id        bigint      not null references stores (id),
    ecomanager_id   bigint,
    reason          text        not null,
    payload         jsonb       not null,
    run_id          uuid        references job_runs (id) on delete set null,
    first_seen_at   timestamptz not null default now(),
    last_seen_at    timestamptz not null default now(),
    resolved_at     timestamptz
);
create unique index quarantined_orders_store_ecomanager on quarantined_orders (store_id, ecomanager_id) where ecomanager_id is not null;
create index quarantined_orders_open on quarantined_orders (last_seen_at desc) where resolved_at is null;

-- ---------------------------------------------------------------------------------------------
-- Courier accounts: Maystro API keys live in configuration; their observed credential state here
-- ---------------------------------------------------------------------------------------------
create table courier_accounts (
    name                    text        primary key check (name ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    credential_state        text        not null default 'OK' check (credential_state in ('OK', 'REJECTED')),
    credential_error        text,
    credential_checked_at   timestamptz,
    updated_at              timestamptz not null default now(),
    constraint courier_accounts_rejected_has_reason check (credential_state = 'OK' or credential_error is not null)
);

-- Inbound webhook deliveries that could not be applied (unknown event, unmatched order ...)
create table inbound_events (
    id              bigint generated always as identity primary key,
    source          text        not null check (source in ('MAYSTRO', 'ECOMANAGER')),
    event_type      text,
    status          text        not null check (status in ('APPLIED', 'UNMATCHED', 'UNKNOWN_EVENT', 'MALFORMED')),
    reason          text,
    payload         text        not null,
    received_at     timestamptz not null default now()
);
create index inbound_events_received on inbound_events (received_at desc);

-- ---------------------------------------------------------------------------------------------
-- Operations: activity log (pruned daily), audit trail, schedules
-- ---------------------------------------------------------------------------------------------
create table activity_logs (
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz not null default now(),
    action_type     text        not null,
    level           text        not null default 'INFO' check (level in ('DEBUG', 'INFO', 'WARN', 'ERROR')),
    description     text        not null,
    resource_type   text,
    resource_id     text,
    run_id          uuid,
    metadata        jsonb
);
create index activity_logs_occurred on activity_logs (occurred_at);
create index activity_logs_action_occurred on activity_logs (action_type, occurred_at desc);
create index activity_logs_run on activity_logs (run_id) where run_id is not null;

create table audit_events (
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz not null default now(),
    user_id         text,
    email           text,
    role            text,
    action          text        not null,
    target          text,
    parameters      jsonb,
    outcome         text        not null check (outcome in ('SUCCEEDED', 'FAILED', 'DENIED', 'REJECTED')),
    http_status     integer,
    ip_address      text,
    user_agent      text
);
create index audit_events_occurred on audit_events (occurred_at desc);
create index audit_events_user on audit_events (user_id, occurred_at desc);

create table schedules (
    job_id          text        primary key check (job_id in ('ecomanager-sync', 'shipping-status-sync', 'daily-cleanup')),
    -- Quartz syntax, evaluated in time_zone
    cron            text        not null check (length(cron) between 9 and 120),
    time_zone       text        not null default 'Africa/Algiers',
    enabled         boolean     not null default true,
    changed_by      text,
    changed_at      timestamptz not null default now()
);
insert into schedules (job_id, cron, changed_by) values
    ('ecomanager-sync', '0 0 8-20 * * ?', 'migration'),
    ('shipping-status-sync', '0 0 0,6,12,18 * * ?', 'migration'),
    ('daily-cleanup', '0 0 2 * * ?', 'migration');
