package dz.libertaphonix.scheduler.ecomanager;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * EcoManager's webhook resource ({@code {base}/webhooks}), used only by {@link EcoManagerWebhooks}.
 * Bodies are sent and read as JSON text, so the client keeps every status and shape to itself.
 */
@Path("")
interface EcoManagerWebhooksApi {

    @POST
    @Path("/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response create(@HeaderParam("Authorization") String authorization, String body);

    @GET
    @Path("/webhooks")
    @Produces(MediaType.APPLICATION_JSON)
    Response list(@HeaderParam("Authorization") String authorization);

    @PUT
    @Path("/webhooks/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response update(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, String body);

    @DELETE
    @Path("/webhooks/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response delete(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);
}
