package dz.libertaphonix.scheduler.importing;

/** An order that cannot be imported, with why, and its JSON exactly as received. */
record Quarantine(Long ecomanagerId, String reason, String payload) {}
