package dz.libertaphonix.scheduler.ecomanager;

import java.util.List;

/**
 * One page of the order list, newest first.
 *
 * @param nextCursor the opaque cursor of the next (older) page, null at the end of the list
 */
public record OrdersPage(List<EcoManagerOrder> orders, String nextCursor) {

    public OrdersPage {
        orders = List.copyOf(orders);
    }

    public boolean last() {
        return nextCursor == null || orders.isEmpty();
    }
}
