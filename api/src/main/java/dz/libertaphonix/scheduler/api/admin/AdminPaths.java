package dz.libertaphonix.scheduler.api.admin;

/** Where the admin API lives: the order system's front end calls these paths. */
final class AdminPaths {

    static final String ROOT = "/api/v1/scheduler";

    private AdminPaths() {}
}
