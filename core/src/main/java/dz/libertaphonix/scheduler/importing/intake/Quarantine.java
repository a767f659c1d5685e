package dz.libertaphonix.scheduler.importing.intake;

/** An order that cannot be imported, with why, and its JSON exactly as received. */
record Quarantine(Long ecomanagerId, String reason, String payload) {}
