package dz.libertaphonix.scheduler.maystro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a parcel list answer ({@code {"list": {count, next, results}}}) tolerantly: one parcel that
 * cannot be read is counted as unreadable, never guessed and never allowed to sink its neighbours;
 * an answer that is not a list at all is a {@link MaystroRequestException}.
 */
final class MaystroPageReader {

    private final ObjectMapper mapper;

    MaystroPageReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    MaystroPage read(MaystroCredentials account, String what, int number, String body) {
        MaystroDtos.ParcelListResponse envelope;
        try {
            envelope = mapper.readValue(body, MaystroDtos.ParcelListResponse.class);
        } catch (JsonProcessingException e) {
            throw new MaystroRequestException(
                    account.name(), "Maystro " + what + " of account '" + account.name() + "' is not JSON");
        }
        if (envelope == null || envelope.list() == null || envelope.list().results() == null) {
            throw new MaystroRequestException(
                    account.name(), "Maystro " + what + " of account '" + account.name() + "' has no list.results");
        }
        MaystroDtos.ParcelList list = envelope.list();
        List<MaystroParcel> parcels = new ArrayList<>(list.results().size());
        int unreadable = 0;
        for (JsonNode node : list.results()) {
            try {
                parcels.add(MaystroValues.parcel(mapper.treeToValue(node, MaystroDtos.ParcelDto.class)));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                unreadable++;
            }
        }
        Integer count = MaystroValues.integer(list.count());
        boolean last = list.next() != null && list.next().isNull();
        return new MaystroPage(number, count == null ? null : count.longValue(), last, parcels, unreadable);
    }
}
