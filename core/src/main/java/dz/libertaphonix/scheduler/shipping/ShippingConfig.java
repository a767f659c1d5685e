package dz.libertaphonix.scheduler.shipping;

import dz.libertaphonix.scheduler.orders.OrderStatus;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** Configuration of the shipping status sync ({@code shipping-status-sync}) and the Maystro webhook. */
@ConfigMapping(prefix = "scheduler.shipping")
public interface ShippingConfig {

    /** Orders imported longer ago than this are no longer followed, whatever their parcel says. */
    @WithDefault("60d")
    Duration openOrderMaxAge();

    /**
     * Order statuses that mean "handed to Maystro" for an order with no courier data yet. An order
     * with a Maystro status code, a tracking number or a Maystro id is followed whatever its status.
     */
    @WithDefault("CONFIRMED,SHIPPED")
    Set<OrderStatus> trackedStatuses();

    /**
     * Maystro status codes that move the order's own status, {@code code=STATUS,...}. Other codes
     * update the courier fields only. An order never leaves DELIVERED, CANCELLED or RETURNED.
     */
    @WithDefault("41=DELIVERED,50=CANCELLED,52=RETURNED")
    String orderStatusByCode();

    /** How the parcels are fetched: AUTO picks the cheaper of PAGING and LOOKUP for each account. */
    @WithDefault("AUTO")
    SyncStrategy strategy();

    /** List pages requested at once while paging (and lookups at once while looking up). */
    @WithDefault("10")
    int pagesInFlight();

    /** The most list pages one account's walk may read in a run (20 parcels each). */
    @WithDefault("1000")
    int pageCap();

    /**
     * Slack for "this page is older than every open order": a parcel is created after its order, so
     * pages whose parcels are all older than the oldest open order minus this cannot hold one.
     */
    @WithDefault("2d")
    Duration pageAgeMargin();

    /** Changed orders written per statement (and per transaction). */
    @WithDefault("100")
    int batchSize();

    /** Open orders read from the database at a time when looking them up one by one. */
    @WithDefault("500")
    int openOrderChunk();
}
