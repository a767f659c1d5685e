package dz.libertaphonix.scheduler.runs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A job's id: the name the ledger and the schedules table store, every log line of a run carries, the
 * job's events and Redis keys use ({@code ecomanager-sync}). Lower-case words joined by hyphens, at most
 * 63 characters, the form the schema checks. Which jobs exist is the catalogue's business ({@link
 * JobCatalog}), not this value's: the ledger keeps the runs of a job long after the job is gone. In
 * JSON it is its id.
 */
@RegisterForReflection
public record JobId(@JsonValue String id) implements Comparable<JobId> {

    /** The longest id: it must fit in a Redis key, an EventBridge rule name and a log line. */
    public static final int MAX_LENGTH = 63;

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

    public JobId {
        if (id == null || id.length() > MAX_LENGTH || !FORM.matcher(id).matches()) {
            throw new IllegalArgumentException("not a job id: '" + id + "' (lower-case words joined by '-', at most "
                    + MAX_LENGTH + " characters)");
        }
    }

    @JsonCreator
    public static JobId of(String id) {
        return new JobId(id);
    }

    /** The id, when {@code value} is one in form; whether such a job exists is not checked. */
    public static Optional<JobId> parse(String value) {
        return value != null
                        && value.length() <= MAX_LENGTH
                        && FORM.matcher(value).matches()
                ? Optional.of(new JobId(value))
                : Optional.empty();
    }

    @Override
    public int compareTo(JobId other) {
        return id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return id;
    }
}
