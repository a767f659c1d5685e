package dz.libertaphonix.scheduler.api.http;

/** Where the admin API lives: the order system's front end calls these paths. */
public final class AdminPaths {

    public static final String ROOT = "/api/v1/scheduler";

    private AdminPaths() {}
}
