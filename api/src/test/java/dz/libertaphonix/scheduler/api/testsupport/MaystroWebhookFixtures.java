package dz.libertaphonix.scheduler.api.testsupport;

import dz.libertaphonix.scheduler.orders.Customer;
import dz.libertaphonix.scheduler.orders.CustomerRepository;
import dz.libertaphonix.scheduler.orders.Order;
import dz.libertaphonix.scheduler.orders.OrderRepository;
import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.orders.OrderStatusEvent;
import dz.libertaphonix.scheduler.orders.OrderStatusEventRepository;
import dz.libertaphonix.scheduler.shipping.webhook.InboundEvent;
import dz.libertaphonix.scheduler.shipping.webhook.InboundEventRepository;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreAdminService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Orders on their way with Maystro, for the webhook tests of the api app; unique keys every call. */
@ApplicationScoped
public class MaystroWebhookFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final StoreAdminService stores;
    private final CustomerRepository customers;
    private final OrderRepository orders;
    private final OrderStatusEventRepository events;
    private final InboundEventRepository inboundEvents;

    public MaystroWebhookFixtures(
            StoreAdminService stores,
            CustomerRepository customers,
            OrderRepository orders,
            OrderStatusEventRepository events,
            InboundEventRepository inboundEvents) {
        this.stores = stores;
        this.customers = customers;
        this.orders = orders;
        this.events = events;
        this.inboundEvents = inboundEvents;
    }

    public static String reference() {
        return "WH-" + SEQUENCE.incrementAndGet();
    }

    /** A confirmed order whose parcel Maystro shows as shipped (31), with a tracking number. */
    public Order shippedOrder(String reference) {
        long n = SEQUENCE.incrementAndGet();
        Store store = stores.create(
                "W" + n,
                "Boutique W" + n,
                "https://w" + n + ".ecomanager.dz/api/shop/v2",
                "tok-" + UUID.randomUUID(),
                true);
        return persistOrder(store.id, reference, n);
    }

    @Transactional
    Order persistOrder(long storeId, String reference, long n) {
        Instant now = Instant.now();
        Customer customer = new Customer();
        customer.fullName = "Karim Haddad";
        customer.phone = "07" + String.format("%08d", n % 100_000_000);
        customer.wilaya = "Oran";
        customer.commune = "Bir El Djir";
        customer.createdAt = now;
        customer.updatedAt = now;
        customers.persist(customer);
        Order order = new Order();
        order.storeId = storeId;
        order.ecomanagerId = n;
        order.reference = reference;
        order.customerId = customer.id;
        order.status = OrderStatus.CONFIRMED;
        order.ecomanagerState = "Confirmé";
        order.total = new BigDecimal("3200.00");
        order.orderedAt = now.minus(Duration.ofDays(2));
        order.importedAt = now.minus(Duration.ofDays(1));
        order.updatedAt = order.importedAt;
        order.shippingStatusCode = 31;
        order.shippingStatusLabel = "EXPÉDIÉ";
        order.trackingNumber = "MYS" + n;
        orders.persist(order);
        return order;
    }

    @Transactional
    public Order reload(long id) {
        return orders.findById(id);
    }

    @Transactional
    public List<OrderStatusEvent> events(long orderId) {
        return events.list("orderId = ?1 order by id", orderId);
    }

    @Transactional
    public List<InboundEvent> inboundEventsContaining(String text) {
        return inboundEvents.list("payload like ?1 or reason like ?1 order by id", "%" + text + "%");
    }
}
