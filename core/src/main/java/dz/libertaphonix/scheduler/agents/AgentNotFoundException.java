package dz.libertaphonix.scheduler.agents;

public class AgentNotFoundException extends RuntimeException {

    public AgentNotFoundException(long id) {
        super("no agent " + id);
    }
}
