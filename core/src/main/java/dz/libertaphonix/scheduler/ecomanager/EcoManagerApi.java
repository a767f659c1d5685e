package dz.libertaphonix.scheduler.ecomanager;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * EcoManager's shop API, as far as the import uses it. Built per base URL (a store is configuration)
 * by {@link EcoManagerClient}, the only class that calls it. The raw {@link Response} is returned so
 * the client can translate every status itself and keep each order's JSON for quarantine.
 */
@Path("")
interface EcoManagerApi {

    @GET
    @Path("/orders")
    @Produces(MediaType.APPLICATION_JSON)
    Response listOrders(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("per_page") int perPage,
            @QueryParam("sort_direction") String sortDirection,
            @QueryParam("cursor") String cursor);

    /** Laravel cursor-paginated envelope; orders stay JSON trees until {@link EcoManagerOrderParser}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderListResponse(List<JsonNode> data, Links links, Meta meta) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Links(String next) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(
            @JsonProperty("next_cursor") String nextCursor,
            @JsonProperty("per_page") Integer perPage) {}
}
