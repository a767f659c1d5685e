package dz.libertaphonix.scheduler.agents;

/**
 * An admin's edit of an agent; a null field leaves the value as it is.
 *
 * @param name display name
 * @param email login email, unique
 * @param dailyCapacity orders the agent may receive per Algiers day
 * @param active employed and allowed to receive work
 * @param available on shift right now
 */
public record AgentChanges(String name, String email, Integer dailyCapacity, Boolean active, Boolean available) {}
