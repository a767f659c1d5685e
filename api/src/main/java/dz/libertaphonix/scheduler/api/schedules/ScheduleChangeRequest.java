package dz.libertaphonix.scheduler.api.schedules;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PUT /jobs/{job}/schedule}: a Quartz cron read in Africa/Algiers, e.g. {@code 0 0 8-20 * * ?}. */
public record ScheduleChangeRequest(
        @NotBlank @Size(max = 120) String cron) {}
