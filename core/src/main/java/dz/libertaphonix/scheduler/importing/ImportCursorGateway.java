package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.orders.SqlArrays;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The import's columns of {@code stores}: the cursor (the highest EcoManager id committed with
 * everything below it) and the time of the last import. Written in SQL, beside the Panache
 * {@code Store} the admin edits, because the cursor moves inside each batch's transaction.
 */
@ApplicationScoped
public class ImportCursorGateway {

    private final AgroalDataSource dataSource;

    public ImportCursorGateway(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The store's cursor as committed now (another process may have moved it). */
    @Transactional
    public long cursor(long storeId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select import_cursor from stores where id = ?")) {
            select.setLong(1, storeId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("store " + storeId + " no longer exists");
                }
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw SqlArrays.failure("reading the cursor", e);
        }
    }

    /** Moves the cursor up to {@code to}, never backwards, inside the batch's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(long storeId, long to) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement cursor = connection.prepareStatement(
                        "update stores set import_cursor = greatest(import_cursor, ?) where id = ?")) {
            cursor.setLong(1, to);
            cursor.setLong(2, storeId);
            cursor.executeUpdate();
        } catch (SQLException e) {
            throw SqlArrays.failure("moving the cursor", e);
        }
    }

    /** Marks the end of a store's import in this run. */
    @Transactional
    public void finished(long storeId, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("update stores set last_import_at = ? where id = ?")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setLong(2, storeId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw SqlArrays.failure("recording the import time", e);
        }
    }
}
