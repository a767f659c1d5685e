package dz.libertaphonix.scheduler.importing.intake;

/** An order kept out of the import, by EcoManager id (null when it had none) and reason. */
public record QuarantineNote(Long ecomanagerId, String reason) {}
