package dz.libertaphonix.scheduler.api.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The admin dashboard page. The page itself holds no data and needs no token: it signs in with the
 * caller's JWT (kept in session storage) and reads everything from the admin API, so it works the
 * same behind API Gateway and in dev mode.
 */
@Path("/admin/scheduler")
@PermitAll
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(String apiRoot);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.dashboard("/api/v1/scheduler");
    }
}
