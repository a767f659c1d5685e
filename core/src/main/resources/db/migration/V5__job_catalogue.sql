-- Jobs are a catalogue, not a list fixed in the schema: a job is its class, its schedule row (a
-- migration like the insert at the end of V1) and its rule in template.yaml. The ledger and the
-- schedules take any job id in the catalogue's form: lower-case words joined by '-', at most 63
-- characters. Which jobs exist is the application's business; the ledger keeps the runs of a job
-- that is gone.
alter table job_runs drop constraint job_runs_job_id_check;
alter table job_runs add constraint job_runs_job_id_check
    check (job_id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' and length(job_id) <= 63);

alter table schedules drop constraint schedules_job_id_check;
alter table schedules add constraint schedules_job_id_check
    check (job_id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' and length(job_id) <= 63);
