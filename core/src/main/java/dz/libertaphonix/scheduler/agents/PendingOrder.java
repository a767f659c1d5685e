package dz.libertaphonix.scheduler.agents;

/** An order waiting for an agent, locked for the pass that plans its assignment. */
record PendingOrder(long id, long storeId, String reference) {}
