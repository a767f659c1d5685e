package dz.libertaphonix.scheduler.importing;

import dz.libertaphonix.scheduler.agents.AssignmentService;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerClient;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerItem;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerOrder;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerSession;
import dz.libertaphonix.scheduler.ecomanager.OrdersPage;
import dz.libertaphonix.scheduler.orders.AlgerianPhone;
import dz.libertaphonix.scheduler.orders.Customer;
import dz.libertaphonix.scheduler.orders.CustomerRepository;
import dz.libertaphonix.scheduler.orders.Order;
import dz.libertaphonix.scheduler.orders.OrderItem;
import dz.libertaphonix.scheduler.orders.OrderItemRepository;
import dz.libertaphonix.scheduler.orders.OrderRepository;
import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.orders.OrderStatusEvent;
import dz.libertaphonix.scheduler.orders.OrderStatusEventRepository;
import dz.libertaphonix.scheduler.orders.StatusEventSource;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's baseline: the same orders, fetched the same way, but stored the way the old
 * system did — one order per transaction, row by row through the ORM, each assigned on its own.
 */
@ApplicationScoped
public class PerOrderBaseline {

    private final EcoManagerClient client;
    private final Writer writer;
    private final AssignmentService assignment;
    private final StoreTokens tokens;

    public PerOrderBaseline(EcoManagerClient client, Writer writer, AssignmentService assignment, StoreTokens tokens) {
        this.client = client;
        this.writer = writer;
        this.assignment = assignment;
        this.tokens = tokens;
    }

    public int importAll(Store store, UUID runId) {
        EcoManagerSession session = client.open(tokens.credentials(store));
        int imported = 0;
        String cursor = null;
        do {
            OrdersPage page = session.orders(cursor, 100);
            for (EcoManagerOrder order : page.orders()) {
                if (!order.inDispatch() || !order.wellFormed()) {
                    continue;
                }
                Long id = writer.insertOne(store.id, order, runId);
                if (id != null) {
                    assignment.assign(List.of(id), runId);
                    imported++;
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return imported;
    }

    @ApplicationScoped
    public static class Writer {

        private final CustomerRepository customers;
        private final OrderRepository orders;
        private final OrderItemRepository items;
        private final OrderStatusEventRepository events;

        public Writer(
                CustomerRepository customers,
                OrderRepository orders,
                OrderItemRepository items,
                OrderStatusEventRepository events) {
            this.customers = customers;
            this.orders = orders;
            this.items = items;
            this.events = events;
        }

        @Transactional
        public Long insertOne(long storeId, EcoManagerOrder source, UUID runId) {
            if (orders.findByStoreAndEcoManagerId(storeId, source.id()).isPresent()) {
                return null;
            }
            Instant now = Instant.now();
            String phone = AlgerianPhone.normalise(source.telephone()).orElseThrow();
            Customer customer = customers.findByPhone(phone).orElseGet(() -> {
                Customer created = new Customer();
                created.phone = phone;
                created.fullName = source.fullName();
                created.createdAt = now;
                created.updatedAt = now;
                customers.persist(created);
                return created;
            });
            customer.fullName = source.fullName();
            customer.wilaya = source.wilaya();
            customer.commune = source.commune();
            customer.updatedAt = now;
            Order order = new Order();
            order.storeId = storeId;
            order.ecomanagerId = source.id();
            order.reference = source.reference();
            order.customerId = customer.id;
            order.status = OrderStatus.PENDING;
            order.ecomanagerState = source.state();
            order.confirmationState = source.confirmationState();
            order.orderedAt = source.createdAt();
            order.total = source.total();
            order.lastRunId = runId;
            order.importedAt = now;
            order.updatedAt = now;
            orders.persist(order);
            int line = 0;
            for (EcoManagerItem sourceItem : source.items()) {
                OrderItem item = new OrderItem();
                item.orderId = order.id;
                item.lineNo = ++line;
                item.productId = sourceItem.productId();
                item.sku = sourceItem.sku();
                item.title = sourceItem.title();
                item.quantity = sourceItem.quantity();
                item.unitPrice = sourceItem.unitPrice();
                item.totalPrice = sourceItem.totalPrice();
                items.persist(item);
            }
            OrderStatusEvent event = new OrderStatusEvent();
            event.orderId = order.id;
            event.source = StatusEventSource.IMPORT;
            event.toStatus = OrderStatus.PENDING.name();
            event.runId = runId;
            event.occurredAt = now;
            events.persist(event);
            return order.id;
        }
    }
}
