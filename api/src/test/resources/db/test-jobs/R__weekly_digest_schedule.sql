-- The schedule of the test-only fourth job (catalogue.WeeklyDigestJob), in its own migration location
-- that only FourthJobProfile adds: what a real job's migration does, Mondays 06:30 in Algiers.
insert into schedules (job_id, cron, changed_by) values
    ('weekly-digest', '0 30 6 ? * MON', 'migration')
on conflict (job_id) do nothing;
