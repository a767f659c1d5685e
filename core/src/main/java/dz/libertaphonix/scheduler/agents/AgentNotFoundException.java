package dz.libertaphonix.scheduler.agents;

import dz.libertaphonix.scheduler.common.errors.NotFoundException;

public class AgentNotFoundException extends NotFoundException {

    public AgentNotFoundException(long id) {
        super("no agent " + id);
    }
}
