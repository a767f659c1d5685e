-- Issue 15: a dry run is recorded in the ledger like any run, with its own trigger.
alter table job_runs drop constraint job_runs_trigger_check;
alter table job_runs add constraint job_runs_trigger_check
    check (trigger in ('SCHEDULED', 'MANUAL', 'RETRY', 'CATCH_UP', 'DRY_RUN'));
