package dz.libertaphonix.scheduler.agents;

import java.util.Map;

/**
 * What one assignment pass did.
 *
 * @param assigned orders that received an agent
 * @param unassigned orders considered that found no agent with capacity left today
 * @param perAgent orders given to each agent id in this pass
 */
public record AssignmentOutcome(int assigned, int unassigned, Map<Long, Integer> perAgent) {

    public static final AssignmentOutcome NONE = new AssignmentOutcome(0, 0, Map.of());

    public AssignmentOutcome {
        perAgent = Map.copyOf(perAgent);
    }
}
