package dz.libertaphonix.scheduler.maystro;

import java.util.List;

/**
 * One page of the parcel list.
 *
 * @param number the page number asked for (1 is the newest)
 * @param count the list's total as Maystro reported it, or null
 * @param last true when Maystro said there is no next page
 * @param parcels the readable parcels, in Maystro's order
 * @param unreadable parcels on the page that could not be read (reported, never guessed)
 */
public record MaystroPage(int number, Long count, boolean last, List<MaystroParcel> parcels, int unreadable) {

    public MaystroPage {
        parcels = List.copyOf(parcels);
    }
}
