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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code import_gaps}: stretches of a store's order list not read yet (ids strictly between
 * {@code above_id} and {@code below_id}), opened when a walk stops at its page budget before
 * reaching the cursor and read by later runs from {@code resume_cursor} until they close. Changed
 * only inside a batch's transaction, atomically with the orders read from them.
 */
@ApplicationScoped
public class ImportGapGateway {

    private final AgroalDataSource dataSource;

    public ImportGapGateway(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An open gap; {@code resumeCursor} is EcoManager's opaque cursor of the next page to read. */
    public record OpenGap(long id, long aboveId, long belowId, String resumeCursor) {}

    /** A store's open gaps, the oldest first: the backlog is worked down in the order it arose. */
    @Transactional
    public List<OpenGap> open(long storeId) {
        List<OpenGap> gaps = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select id, above_id, below_id, resume_cursor from import_gaps
                        where store_id = ? order by opened_at, id
                        """)) {
            select.setLong(1, storeId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    gaps.add(new OpenGap(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4)));
                }
            }
            return gaps;
        } catch (SQLException e) {
            throw SqlArrays.failure("reading import gaps", e);
        }
    }

    /** Opens, shrinks or closes a gap, inside the batch's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(long storeId, GapChange change, Instant now) {
        Timestamp at = Timestamp.from(now);
        try (Connection connection = dataSource.getConnection()) {
            switch (change) {
                case GapChange.Open open -> {
                    try (PreparedStatement insert = connection.prepareStatement("""
                            insert into import_gaps (store_id, above_id, below_id, resume_cursor, pages_read, opened_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)) {
                        insert.setLong(1, storeId);
                        insert.setLong(2, open.aboveId());
                        insert.setLong(3, open.belowId());
                        insert.setString(4, open.resumeCursor());
                        insert.setInt(5, open.pagesRead());
                        insert.setTimestamp(6, at);
                        insert.setTimestamp(7, at);
                        insert.executeUpdate();
                    }
                }
                case GapChange.Shrink shrink -> {
                    try (PreparedStatement update = connection.prepareStatement("""
                            update import_gaps set below_id = ?, resume_cursor = ?, pages_read = pages_read + ?, updated_at = ?
                            where id = ? and store_id = ?
                            """)) {
                        update.setLong(1, shrink.belowId());
                        update.setString(2, shrink.resumeCursor());
                        update.setInt(3, shrink.pagesRead());
                        update.setTimestamp(4, at);
                        update.setLong(5, shrink.gapId());
                        update.setLong(6, storeId);
                        update.executeUpdate();
                    }
                }
                case GapChange.Close close -> {
                    try (PreparedStatement delete =
                            connection.prepareStatement("delete from import_gaps where id = ? and store_id = ?")) {
                        delete.setLong(1, close.gapId());
                        delete.setLong(2, storeId);
                        delete.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlArrays.failure("changing an import gap", e);
        }
    }
}
