package dz.libertaphonix.scheduler.runs;

/** Port: reads a job's live state (Redis). Implemented by the run-state store. */
public interface LiveStateReader {

    JobLiveState read(JobId job);
}
