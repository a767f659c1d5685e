package dz.libertaphonix.scheduler.jobs;

/** The function's own settings are wrong (no job, or a job the catalogue does not have): nothing was run. */
public class FunctionConfigurationException extends RuntimeException {

    public FunctionConfigurationException(String message) {
        super(message);
    }
}
