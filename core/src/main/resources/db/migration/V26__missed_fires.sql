-- Issue 15: missed runs. A job's fire times are computed from its schedule as it stood at each moment,
-- so every change of a schedule (cron, zone, enabled) is kept here, whoever makes it: the trigger
-- below records the rows the application changes and the rows a later migration adds for a new job.
create table schedule_history (
    id              bigint generated always as identity primary key,
    job_id          text        not null,
    cron            text        not null,
    time_zone       text        not null,
    enabled         boolean     not null,
    -- from this instant the job's schedule was this one, until the job's next row
    effective_from  timestamptz not null,
    changed_by      text
);
create index schedule_history_job on schedule_history (job_id, effective_from);

-- what the schedules say today is all that is known of the past
insert into schedule_history (job_id, cron, time_zone, enabled, effective_from, changed_by)
    select job_id, cron, time_zone, enabled, changed_at, changed_by from schedules;

create function schedules_record_history() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT'
            or new.cron is distinct from old.cron
            or new.time_zone is distinct from old.time_zone
            or new.enabled is distinct from old.enabled then
        insert into schedule_history (job_id, cron, time_zone, enabled, effective_from, changed_by)
        values (new.job_id, new.cron, new.time_zone, new.enabled, new.changed_at, new.changed_by);
    end if;
    return new;
end
$$;

create trigger schedules_history after insert or update on schedules
    for each row execute function schedules_record_history();

-- Each missed fire once: the row is the deduplication of its RunMissed event (whoever inserts it
-- publishes it) and of the job's catch-up run.
create table missed_fires (
    job_id          text        not null,
    fire_time       timestamptz not null,
    detected_at     timestamptz not null,
    -- the one catch-up run this miss started, if the job's policy starts one
    catch_up_run    uuid,
    primary key (job_id, fire_time)
);
create index missed_fires_detected on missed_fires (detected_at);
