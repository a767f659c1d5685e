package dz.libertaphonix.scheduler.testsupport;

import dz.libertaphonix.scheduler.agents.Agent;
import dz.libertaphonix.scheduler.agents.AgentRepository;
import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.stores.StoreAdminService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Builds test data; every call makes new rows with unique keys, so tests never collide. */
@ApplicationScoped
public class CoreFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final StoreAdminService stores;
    private final OrderRows rows;
    private final AgentRepository agents;

    public CoreFixtures(StoreAdminService stores, OrderRows rows, AgentRepository agents) {
        this.stores = stores;
        this.rows = rows;
        this.agents = agents;
    }

    public static long next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A unique store identifier such as {@code S123456}. */
    public static String storeCode() {
        return "S" + next();
    }

    /** A valid, unique-enough Algerian mobile number. */
    public static String mobile() {
        int prefix = 5 + ThreadLocalRandom.current().nextInt(3);
        return "0" + prefix + String.format("%08d", next() % 100_000_000);
    }

    public Store store(String baseUrl, String token) {
        String code = storeCode();
        return stores.create(code, "Boutique " + code, baseUrl, token, true);
    }

    public CustomerRow customer() {
        CustomerRow customer = new CustomerRow();
        customer.fullName = "Amina Benali";
        customer.phone = mobile();
        customer.wilaya = "Alger";
        customer.commune = "Bab Ezzouar";
        customer.createdAt = Instant.now();
        customer.updatedAt = customer.createdAt;
        return rows.insert(customer);
    }

    /** A PENDING, unassigned order, imported now. */
    public OrderRow order(long storeId, long ecomanagerId, String reference, long customerId) {
        OrderRow order = new OrderRow();
        order.storeId = storeId;
        order.ecomanagerId = ecomanagerId;
        order.reference = reference;
        order.customerId = customerId;
        order.status = OrderStatus.PENDING;
        order.ecomanagerState = "En dispatch";
        order.total = new BigDecimal("3500.00");
        order.importedAt = Instant.now();
        order.updatedAt = order.importedAt;
        return rows.insert(order);
    }

    @Transactional
    public Agent agent(String name, int capacity) {
        Agent agent = new Agent();
        agent.name = name;
        agent.email = name.toLowerCase().replace(' ', '.') + "." + next() + "@libertaphonix.dz";
        agent.dailyCapacity = capacity;
        agent.createdAt = Instant.now();
        agent.updatedAt = agent.createdAt;
        agents.persist(agent);
        return agent;
    }
}
