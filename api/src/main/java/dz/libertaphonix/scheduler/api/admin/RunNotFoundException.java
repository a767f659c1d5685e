package dz.libertaphonix.scheduler.api.admin;

import java.util.UUID;

public class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(UUID id) {
        super("no run " + id);
    }
}
