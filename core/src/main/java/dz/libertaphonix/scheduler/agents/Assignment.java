package dz.libertaphonix.scheduler.agents;

/** One order given to one agent in a pass, as written and logged. */
record Assignment(long orderId, long agentId, long storeId, String reference, String agentName) {}
