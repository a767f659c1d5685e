package dz.libertaphonix.scheduler.runs.runner;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * How one run ended (or that it was skipped): what a job function returns.
 *
 * @param job in JSON as the job functions have always answered it, {@code ECOMANAGER_SYNC}
 */
public record RunSummary(
        UUID runId,
        @JsonSerialize(using = RunSummary.JobConstant.class) JobId job,
        RunTrigger trigger,
        JobRunStatus status,
        String skipReason,
        Map<String, Long> counts,
        Instant startedAt,
        Instant endedAt,
        Map<String, String> error) {

    /** The job id in upper case with underscores, as the job functions wrote the job when ids were constants. */
    public static final class JobConstant extends StdSerializer<JobId> {

        public JobConstant() {
            super(JobId.class);
        }

        @Override
        public void serialize(JobId job, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(job.id().replace('-', '_').toUpperCase(Locale.ROOT));
        }
    }
}
