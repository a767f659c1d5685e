-- The nightly completeness sweep (job ecomanager-reconcile, docs/jobs/ecomanager-reconcile.md):
-- 03:00 Africa/Algiers, after the daily cleanup and long before the first hourly import (08:00).
insert into schedules (job_id, cron, changed_by) values
    ('ecomanager-reconcile', '0 0 3 * * ?', 'migration');
