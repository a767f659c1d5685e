package dz.libertaphonix.scheduler.api.security;

/** The roles of the order system's tokens ({@code role} claim) that the admin API knows. */
public final class Roles {

    /** May do everything. */
    public static final String ADMIN = "ADMIN";

    /** May read: status, jobs, next times, history, runs. */
    public static final String TEAM_MANAGER = "TEAM_MANAGER";

    private Roles() {}
}
