package dz.libertaphonix.scheduler.runs;

import dz.libertaphonix.scheduler.common.errors.NotFoundException;

/** A name that no job in the catalogue has. */
public class UnknownJobException extends NotFoundException {

    public UnknownJobException(String name) {
        super("unknown job '" + name + "'");
    }
}
