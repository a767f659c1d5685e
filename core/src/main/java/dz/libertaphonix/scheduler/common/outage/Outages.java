package dz.libertaphonix.scheduler.common.outage;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Tells an outage of PostgreSQL or Redis apart from any other failure, and names it. The JDBC driver,
 * Agroal, Hibernate, Narayana and the Vert.x Redis client each wrap a dead connection their own way;
 * this is the one place that reads their cause chains, so that the rest of the code (a store's
 * result, a run's error, the API's 503) speaks of "database unavailable while …" instead of a chain
 * of class names.
 */
public final class Outages {

    // connection exception (08xxx), admin/crash shutdown, cannot connect now (57P01..57P03)
    private static final String CONNECTION_CLASS = "08";
    private static final String OPERATOR_INTERVENTION = "57P0";

    private Outages() {}

    /** Whether PostgreSQL could not be reached (anywhere along the cause chain). */
    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof DatabaseUnavailableException) {
                return true;
            }
            if (t instanceof SQLException sql && databaseUnreachable(sql)) {
                return true;
            }
            if ("org.hibernate.exception.JDBCConnectionException"
                    .equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    /** Whether Redis could not be reached: only failures already named so (Redis clients do not say). */
    public static boolean redisUnavailable(Throwable failure) {
        return find(failure, RedisUnavailableException.class).isPresent();
    }

    /** Whether either store is unreachable: the failures worth waiting out. */
    public static boolean any(Throwable failure) {
        return databaseUnavailable(failure) || redisUnavailable(failure);
    }

    /**
     * The failure as a named outage, if it is one: the {@link RedisUnavailableException} or {@link
     * DatabaseUnavailableException} along its chain, or a new {@code DatabaseUnavailableException}
     * saying what was being done; empty for any other failure.
     */
    public static Optional<RuntimeException> named(Throwable failure, String doing) {
        Optional<RuntimeException> named = find(failure, RedisUnavailableException.class)
                .<RuntimeException>map(e -> e)
                .or(() -> find(failure, DatabaseUnavailableException.class));
        if (named.isPresent()) {
            return named;
        }
        return databaseUnavailable(failure)
                ? Optional.of(new DatabaseUnavailableException(doing, failure))
                : Optional.empty();
    }

    /** Runs a database step, turning an outage into a {@link DatabaseUnavailableException} naming it. */
    public static <T> T database(String doing, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            if (e instanceof DatabaseUnavailableException || !databaseUnavailable(e)) {
                throw e;
            }
            throw new DatabaseUnavailableException(doing, e);
        }
    }

    /** As {@link #database(String, Supplier)}, for a step without a result. */
    public static void database(String doing, Runnable step) {
        database(doing, () -> {
            step.run();
            return null;
        });
    }

    /**
     * Why a store could not be reached, in a few words ({@code connection refused}, {@code timed out},
     * {@code connection lost}, {@code server shutting down}), or null when the chain does not say.
     */
    public static String reason(Throwable failure) {
        String fallback = null;
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SocketTimeoutException
                    || t instanceof TimeoutException
                    || t instanceof SQLTransientConnectionException
                    || t.getClass().getSimpleName().equals("TimeoutException")
                    || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return "timed out";
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                if (sql.getSQLState().startsWith(OPERATOR_INTERVENTION)) {
                    return "server shutting down or starting";
                }
                if (sql.getSQLState().startsWith(CONNECTION_CLASS)) {
                    fallback = fallback == null ? "connection lost" : fallback;
                }
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("acquisition timeout")) {
                return "timed out";
            }
            if (message.contains("connection refused")) {
                return "connection refused";
            }
            if (fallback == null
                    && (message.contains("connection closed") || message.contains("connection is closed"))) {
                fallback = "connection lost";
            }
        }
        return fallback;
    }

    static String inBrackets(String reason) {
        return reason == null ? "" : " (" + reason + ")";
    }

    private static boolean databaseUnreachable(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            return state.startsWith(CONNECTION_CLASS) || state.startsWith(OPERATOR_INTERVENTION);
        }
        // Agroal's "Acquisition timeout while waiting for new connection" carries no SQL state
        return sql instanceof SQLTransientConnectionException
                || (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout"));
    }

    private static <E extends Throwable> Optional<E> find(Throwable failure, Class<E> type) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static Throwable next(Throwable t) {
        Throwable cause = t.getCause();
        return cause == t ? null : cause;
    }
}
