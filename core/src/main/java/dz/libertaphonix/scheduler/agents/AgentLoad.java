package dz.libertaphonix.scheduler.agents;

import java.time.Instant;

/** An assignable agent's load while a pass is being planned: read locked, then counted up as orders are given. */
final class AgentLoad {

    final long id;
    final String name;
    final int capacity;
    Instant lastAssignedAt;
    int assignedToday;
    long pickedInThisPass;

    AgentLoad(long id, String name, int capacity, Instant lastAssignedAt) {
        this.id = id;
        this.name = name;
        this.capacity = capacity;
        this.lastAssignedAt = lastAssignedAt;
    }

    boolean hasCapacity() {
        return assignedToday < capacity;
    }
}
