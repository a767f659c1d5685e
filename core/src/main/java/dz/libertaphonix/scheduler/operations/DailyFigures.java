package dz.libertaphonix.scheduler.operations;

import dz.libertaphonix.scheduler.common.Algiers;
import dz.libertaphonix.scheduler.orders.SqlArrays;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The dashboard's charts, per Algiers day over the last days: orders imported per store (from
 * {@code orders.imported_at}) and parcels reaching a final state (from {@code order_status_events}).
 * Days without a row are absent: the chart draws them as zero.
 */
@ApplicationScoped
public class DailyFigures {

    public record StoreDay(LocalDate day, String store, long imported) {}

    public record OutcomeDay(LocalDate day, long delivered, long returned, long cancelled) {}

    public record Figures(LocalDate firstDay, LocalDate lastDay, List<StoreDay> imported, List<OutcomeDay> outcomes) {}

    private final AgroalDataSource dataSource;
    private final Clock clock;

    public DailyFigures(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Figures lastDays(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Algiers.ZONE);
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay(Algiers.ZONE).toInstant();
        try (Connection connection = dataSource.getConnection()) {
            Sql sql = new Sql(connection);
            List<StoreDay> imported = sql.list(
                    """
                    select (o.imported_at at time zone 'Africa/Algiers')::date as day, s.identifier, count(*)
                      from orders o join stores s on s.id = o.store_id
                     where o.imported_at >= ?
                     group by day, s.identifier order by day, s.identifier
                    """, row -> new StoreDay(row.getDate(1).toLocalDate(), row.getString(2), row.getLong(3)), from);
            List<OutcomeDay> outcomes = sql.list(
                    """
                    select (occurred_at at time zone 'Africa/Algiers')::date as day,
                           count(distinct order_id) filter (where to_status = 'DELIVERED'),
                           count(distinct order_id) filter (where to_status = 'RETURNED'),
                           count(distinct order_id) filter (where to_status = 'CANCELLED')
                      from order_status_events
                     where occurred_at >= ? and source in ('SHIPPING_SYNC', 'WEBHOOK')
                       and to_status in ('DELIVERED', 'RETURNED', 'CANCELLED')
                       and from_status is distinct from to_status
                     group by day order by day
                    """,
                    row -> new OutcomeDay(row.getDate(1).toLocalDate(), row.getLong(2), row.getLong(3), row.getLong(4)),
                    from);
            return new Figures(first, today, imported, outcomes);
        } catch (SQLException e) {
            throw SqlArrays.failure("reading the daily figures", e);
        }
    }
}
