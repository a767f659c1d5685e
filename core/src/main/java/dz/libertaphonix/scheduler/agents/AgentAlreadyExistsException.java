package dz.libertaphonix.scheduler.agents;

/** Another agent already has this email (emails are unique, case-insensitive). */
public class AgentAlreadyExistsException extends RuntimeException {

    public AgentAlreadyExistsException(String email) {
        super("an agent with email " + email + " already exists");
    }
}
