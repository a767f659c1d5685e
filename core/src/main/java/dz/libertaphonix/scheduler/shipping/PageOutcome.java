package dz.libertaphonix.scheduler.shipping;

import dz.libertaphonix.scheduler.maystro.MaystroPage;

/**
 * What asking for one list page gave.
 *
 * @param page the page, null when it failed or lay past the end
 * @param pastEnd Maystro said there is no such page
 * @param failure why the page could not be read, or null
 */
record PageOutcome(int number, MaystroPage page, boolean pastEnd, Throwable failure) {}
