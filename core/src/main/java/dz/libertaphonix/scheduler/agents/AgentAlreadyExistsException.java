package dz.libertaphonix.scheduler.agents;

import dz.libertaphonix.scheduler.common.errors.ConflictException;

/** Another agent already has this email (emails are unique, case-insensitive). */
public class AgentAlreadyExistsException extends ConflictException {

    public AgentAlreadyExistsException(String email) {
        super("an agent with email " + email + " already exists");
    }
}
