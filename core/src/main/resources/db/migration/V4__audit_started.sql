-- An audited admin call writes its audit row before it acts (outcome STARTED) and completes it with
-- its outcome before answering: a call whose row cannot be written is refused, so nothing is ever
-- done without a trace. A row left STARTED means the database went away while the call ran; the
-- call's effect must be checked on its target.
alter table audit_events drop constraint audit_events_outcome_check;
alter table audit_events add constraint audit_events_outcome_check
    check (outcome in ('STARTED', 'SUCCEEDED', 'FAILED', 'DENIED', 'REJECTED'));
