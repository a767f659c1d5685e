-- Order import: stretches of a store's EcoManager order list still to be read.
--
-- The import walks the list newest first down to the store's cursor. When a walk has to stop at its
-- page budget before reaching the cursor (a new store's history, a long outage), the orders it read
-- are committed and the cursor moves to the top, and the unread stretch between the old cursor and
-- the lowest id read is recorded here, with the EcoManager cursor that resumes reading it. Later runs
-- read these stretches until each one closes. The row is written in the same transaction as the
-- first cursor move past it, so no order can fall between the cursor and a gap.
create table import_gaps (
    id              bigint generated always as identity primary key,
    store_id        bigint      not null references stores (id) on delete cascade,
    -- every id <= above_id was read before the gap opened (the store's cursor at that time)
    above_id        bigint      not null check (above_id >= 0),
    -- every id >= below_id has been read; ids strictly between the two bounds have not
    below_id        bigint      not null,
    -- EcoManager's opaque cursor (meta.next_cursor) of the page after the last one read
    resume_cursor   text        not null check (length(resume_cursor) between 1 and 2000),
    pages_read      integer     not null default 0 check (pages_read >= 0),
    opened_at       timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint import_gaps_bounds check (below_id > above_id + 1)
);
create index import_gaps_store on import_gaps (store_id, opened_at, id);
