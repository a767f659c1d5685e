package dz.libertaphonix.scheduler.common.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.agents.AgentAlreadyExistsException;
import dz.libertaphonix.scheduler.agents.AgentNotFoundException;
import dz.libertaphonix.scheduler.common.outage.DatabaseUnavailableException;
import dz.libertaphonix.scheduler.common.outage.RedisUnavailableException;
import dz.libertaphonix.scheduler.ecomanager.StoreCredentialsRejectedException;
import dz.libertaphonix.scheduler.events.eventbridge.ScheduleControlUnavailableException;
import dz.libertaphonix.scheduler.maystro.MaystroUnavailableException;
import dz.libertaphonix.scheduler.runs.JobAlreadyRunningException;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.UnknownJobException;
import dz.libertaphonix.scheduler.runs.live.RunStateUnavailableException;
import dz.libertaphonix.scheduler.schedule.InvalidCronException;
import dz.libertaphonix.scheduler.stores.StoreAlreadyExistsException;
import dz.libertaphonix.scheduler.stores.StoreNotFoundException;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each named failure is of its kind and carries the code the admin API has always answered with. */
class SchedulerExceptionTest {

    @Test
    void namesEachFailureByItsClassInUpperSnakeCaseUnderItsKind() {
        assertThat(new StoreNotFoundException(12L))
                .isInstanceOf(NotFoundException.class)
                .extracting(SchedulerException::code)
                .isEqualTo("STORE_NOT_FOUND");
        assertThat(new AgentNotFoundException(3).code()).isEqualTo("AGENT_NOT_FOUND");
        assertThat(new UnknownJobException("coffee").code()).isEqualTo("UNKNOWN_JOB");
        assertThat(new StoreAlreadyExistsException("NATU"))
                .isInstanceOf(ConflictException.class)
                .extracting(SchedulerException::code)
                .isEqualTo("STORE_ALREADY_EXISTS");
        assertThat(new AgentAlreadyExistsException("a@b.dz").code()).isEqualTo("AGENT_ALREADY_EXISTS");
        assertThat(new InvalidCronException("every hour"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(SchedulerException::code)
                .isEqualTo("INVALID_CRON");
        assertThat(new ScheduleControlUnavailableException("EventBridge EnableRule x failed"))
                .isInstanceOf(UnavailableException.class)
                .extracting(SchedulerException::code)
                .isEqualTo("SCHEDULE_CONTROL_UNAVAILABLE");
        assertThat(new StoreCredentialsRejectedException(401)).isInstanceOf(UpstreamFailureException.class);
        assertThat(new MaystroUnavailableException("main", "503")).isInstanceOf(UpstreamFailureException.class);
    }

    @Test
    void aRunningJobGivesTheRunInProgress() {
        UUID running = UUID.randomUUID();
        JobAlreadyRunningException e = new JobAlreadyRunningException(JobId.of("daily-cleanup"), running);

        assertThat(e.code()).isEqualTo("JOB_ALREADY_RUNNING");
        assertThat(e.details()).isEqualTo(Map.of("job", "daily-cleanup", "runId", running));
    }

    @Test
    void anOutageAdvisesTheCallerWithoutTheInternalsItsMessageNames() {
        DatabaseUnavailableException database =
                new DatabaseUnavailableException("reading the run history", new IOException("connection refused"));
        RedisUnavailableException redis = new RunStateUnavailableException("taking the lock", new IOException("x"));

        assertThat(database.code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(database.getMessage()).startsWith("database unavailable while reading the run history");
        assertThat(database.advice())
                .isEqualTo("the database cannot be reached right now; nothing was done; retry shortly");
        assertThat(redis.code()).isEqualTo("RUN_STATE_UNAVAILABLE");
        assertThat(redis.advice()).isEqualTo("the live run state (Redis) cannot be read right now; retry shortly");
    }
}
