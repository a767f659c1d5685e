package dz.libertaphonix.scheduler.maystro;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Maystro's parcel list, as HTTP. Only {@link MaystroClient} uses it: it answers raw
 * {@link Response}s (the default exception mapper is off) so the client reads status, headers and
 * body itself and translates them once, in one place.
 */
@RegisterRestClient(configKey = "maystro")
@Path("/api/stores")
@Produces(MediaType.APPLICATION_JSON)
interface MaystroApi {

    /** One page of 20 parcels, newest first (assumed); a page past the end is a 404 "Invalid page". */
    @GET
    @Path("/orders/")
    Response orders(@HeaderParam("Authorization") String authorization, @QueryParam("page") int page);

    /** The parcels whose {@code external_order_id} is our order reference (usually one). */
    @GET
    @Path("/orders/")
    Response ordersByExternalOrderId(
            @HeaderParam("Authorization") String authorization,
            @QueryParam("external_order_id") String externalOrderId);
}
