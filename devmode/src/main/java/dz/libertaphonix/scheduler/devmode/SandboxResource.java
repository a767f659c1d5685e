package dz.libertaphonix.scheduler.devmode;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sandbox upstreams served by the dev-mode api app: EcoManager's shop API per store and Maystro's
 * parcel list, with the real envelopes, pagination and error answers.
 */
@Path("/sandbox")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SandboxResource {

    private static final int MAYSTRO_PAGE_SIZE = 20;

    private final SandboxWorld world;
    private final SandboxParcels parcels;
    private final SandboxFaults faults;

    public SandboxResource(SandboxWorld world, SandboxParcels parcels, SandboxFaults faults) {
        this.world = world;
        this.parcels = parcels;
        this.faults = faults;
    }

    // --- EcoManager: GET {base}/orders, base = /sandbox/ecomanager/{store}/api/shop/v2 ----------

    @GET
    @Path("/ecomanager/{store}/api/shop/v2/orders")
    public Map<String, Object> ecoManagerOrders(
            @PathParam("store") String store,
            @HeaderParam("Authorization") String authorization,
            @QueryParam("per_page") @DefaultValue("15") int perPage,
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return ecoManagerPage(store, authorization, perPage, cursor, base(uri));
    }

    Map<String, Object> ecoManagerPage(String store, String authorization, int perPage, String cursor, String base) {
        if (!world.knows(store)) {
            throw new NotFoundException();
        }
        if (!("Bearer " + SandboxWorld.tokenFor(store)).equals(authorization)) {
            throw new WebApplicationException(Response.status(401)
                    .entity(Map.of("message", "Unauthenticated."))
                    .build());
        }
        faults.apply("ecomanager:" + store);
        int size = Math.max(1, Math.min(perPage, 100));
        long before = cursor == null ? Long.MAX_VALUE : decodeCursor(cursor);
        List<Map<String, Object>> page = world.orders(store, before, size + 1);
        boolean more = page.size() > size;
        List<Map<String, Object>> data = more ? page.subList(0, size) : page;
        String next = more ? encodeCursor(idOf(data.get(data.size() - 1))) : null;
        String path = base + "sandbox/ecomanager/" + store + "/api/shop/v2/orders";

        Map<String, Object> links = new LinkedHashMap<>();
        links.put("first", null);
        links.put("last", null);
        links.put("prev", null);
        links.put("next", next == null ? null : path + "?cursor=" + next);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("path", path);
        meta.put("per_page", size);
        meta.put("next_cursor", next);
        meta.put("prev_cursor", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("links", links);
        body.put("meta", meta);
        return body;
    }

    private static String base(UriInfo uri) {
        return uri.getBaseUri().toString();
    }

    private static long idOf(Map<String, Object> order) {
        return Long.parseLong(order.get("id").toString());
    }

    // Laravel cursors are base64 JSON; clients treat them as opaque
    static String encodeCursor(long lastId) {
        String json = "{\"id\":" + lastId + ",\"_pointsToNextItems\":true}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static long decodeCursor(String cursor) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String digits = json.replaceAll(".*\"id\":(\\d+).*", "$1");
            return Long.parseLong(digits);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("invalid cursor");
        }
    }

    // --- Maystro: GET /api/stores/orders/?page=N | ?external_order_id=REF ---------------------

    @GET
    @Path("/maystro/api/stores/orders/")
    public Map<String, Object> maystroOrders(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("external_order_id") String externalOrderId,
            @Context UriInfo uri) {
        return maystroPage(authorization, page, externalOrderId, base(uri));
    }

    Map<String, Object> maystroPage(String authorization, int page, String externalOrderId, String base) {
        if (!("Token " + SandboxWorld.MAYSTRO_KEY).equals(authorization)) {
            throw new WebApplicationException(Response.status(401)
                    .entity(Map.of("detail", "Invalid token."))
                    .build());
        }
        faults.apply("maystro");
        List<Map<String, Object>> results;
        long count;
        boolean hasNext;
        if (externalOrderId != null) {
            results = parcels.parcelFor(externalOrderId).map(List::of).orElse(List.of());
            count = results.size();
            hasNext = false;
        } else {
            List<Map<String, Object>> all = parcels.parcels();
            int from = (page - 1) * MAYSTRO_PAGE_SIZE;
            if (page < 1 || (from >= all.size() && page > 1)) {
                throw new WebApplicationException(Response.status(404)
                        .entity(Map.of("detail", "Invalid page."))
                        .build());
            }
            results = all.subList(from, Math.min(all.size(), from + MAYSTRO_PAGE_SIZE));
            count = all.size();
            hasNext = from + MAYSTRO_PAGE_SIZE < all.size();
        }
        String url = base + "sandbox/maystro/api/stores/orders/";
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("count", count);
        list.put("next", hasNext ? url + "?page=" + (page + 1) : null);
        list.put("previous", page > 1 && externalOrderId == null ? url + "?page=" + (page - 1) : null);
        list.put("results", results);
        return Map.of("list", list);
    }

    // --- fault injection -----------------------------------------------------------------

    @GET
    @Path("/faults")
    public SandboxFaults.Settings faults() {
        return faults.settings();
    }

    @PUT
    @Path("/faults")
    public SandboxFaults.Settings setFaults(SandboxFaults.Settings settings) {
        if (settings == null) {
            throw new BadRequestException(
                    "body required: {\"latencyMillis\": 80, \"faults\": {\"ecomanager:NATU\": \"RATE_LIMITED\"}}");
        }
        return faults.update(settings);
    }
}
