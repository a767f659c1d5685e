package dz.libertaphonix.scheduler.orders;

import static dz.libertaphonix.scheduler.orders.SqlArrays.longs;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code order_status_events}, appended set-based inside the transaction that changed the orders:
 * one statement per batch, one row per order. (The shipping sync writes its events in the same
 * statement as its compare-and-set update, see {@code ShippingChangeGateway}.)
 */
@ApplicationScoped
public class StatusEventGateway {

    private final AgroalDataSource dataSource;

    public StatusEventGateway(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An IMPORT event (nothing → PENDING) for each newly imported order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordImported(List<Long> orderIds, UUID runId, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement events = connection.prepareStatement("""
                        insert into order_status_events (order_id, source, from_status, to_status, run_id, occurred_at)
                        select t.order_id, 'IMPORT', null, 'PENDING', ?, ? from unnest(?::bigint[]) as t(order_id)
                        """)) {
            events.setObject(1, runId);
            events.setTimestamp(2, Timestamp.from(at));
            events.setArray(3, longs(connection, orderIds));
            events.executeUpdate();
        } catch (SQLException e) {
            throw SqlArrays.failure("recording the import of orders", e);
        }
    }

    /** An ASSIGNMENT event (PENDING → ASSIGNED, the agent in its details) for each assigned order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAssigned(List<Long> orderIds, List<Long> agentIds, UUID runId, Instant at) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement events = connection.prepareStatement("""
                        insert into order_status_events (order_id, source, from_status, to_status, run_id, occurred_at, details)
                        select t.order_id, 'ASSIGNMENT', 'PENDING', 'ASSIGNED', ?, ?, jsonb_build_object('agentId', t.agent_id)
                        from unnest(?::bigint[], ?::bigint[]) as t(order_id, agent_id)
                        """)) {
            events.setObject(1, runId);
            events.setTimestamp(2, Timestamp.from(at));
            events.setArray(3, longs(connection, orderIds));
            events.setArray(4, longs(connection, agentIds));
            events.executeUpdate();
        } catch (SQLException e) {
            throw SqlArrays.failure("recording the assignment of orders", e);
        }
    }
}
