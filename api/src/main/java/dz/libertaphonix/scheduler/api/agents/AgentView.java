package dz.libertaphonix.scheduler.api.agents;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.api.http.ApiTime;
import java.time.OffsetDateTime;

/** A call-centre agent. */
public record AgentView(
        long id,
        String name,
        String email,
        boolean active,
        boolean available,
        int dailyCapacity,
        OffsetDateTime lastAssignedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static AgentView of(Agent agent) {
        return new AgentView(
                agent.id,
                agent.name,
                agent.email,
                agent.active,
                agent.available,
                agent.dailyCapacity,
                ApiTime.algiers(agent.lastAssignedAt),
                ApiTime.algiers(agent.createdAt),
                ApiTime.algiers(agent.updatedAt));
    }
}
