package dz.libertaphonix.scheduler.api.runs;

import dz.libertaphonix.scheduler.common.errors.NotFoundException;
import java.util.UUID;

/** No run has that id. */
public class RunNotFoundException extends NotFoundException {

    public RunNotFoundException(UUID id) {
        super("no run " + id);
    }
}
