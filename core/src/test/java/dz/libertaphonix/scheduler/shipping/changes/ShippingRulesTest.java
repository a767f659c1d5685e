package dz.libertaphonix.scheduler.shipping.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dz.libertaphonix.scheduler.maystro.MaystroParcel;
import dz.libertaphonix.scheduler.orders.OrderStatus;
import dz.libertaphonix.scheduler.shipping.matching.OrderShippingState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShippingRulesTest {

    private static final Instant DELIVERED_AT = Instant.parse("2025-07-25T08:30:00Z");

    private final ShippingRules rules =
            new ShippingRules(OrderStatusMapping.of("41=DELIVERED,50=CANCELLED,52=RETURNED"));

    @Test
    void deliveredParcelDeliversTheOrder() {
        ShippingChange change = rules.decide(order(OrderStatus.SHIPPED, 31, "MYS1"), parcel(41, "MYS1", false), "main")
                .orElseThrow();

        assertThat(change.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(change.shippingCode()).isEqualTo(41);
        assertThat(change.shippingLabel()).isEqualTo("LIVRÉ");
        assertThat(change.deliveredAt()).isEqualTo(DELIVERED_AT);
        assertThat(change.statusChanged()).isTrue();
    }

    @Test
    void otherCodesMoveOnlyTheCourierFields() {
        ShippingChange change = rules.decide(
                        order(OrderStatus.CONFIRMED, 22, "MYS1"), parcel(32, "MYS1", false), "main")
                .orElseThrow();

        assertThat(change.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(change.shippingLabel()).isEqualTo("ALERTÉ");
        assertThat(change.statusChanged()).isFalse();
    }

    @Test
    void nothingToDoWhenTheOrderAlreadyShowsTheParcel() {
        OrderShippingState order = new OrderShippingState(
                1, 1, "R1", null, OrderStatus.SHIPPED, 31, "EXPÉDIÉ", "MYS1", "4831207", null, null, null, null, true);

        assertThat(rules.decide(order, parcel(31, "MYS1", false), "main")).isEmpty();
    }

    @Test
    void anOrderNeverLeavesATerminalStatus() {
        ShippingChange change = rules.decide(
                        order(OrderStatus.CANCELLED, 31, "MYS1"), parcel(41, "MYS1", false), "main")
                .orElseThrow();

        assertThat(change.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(change.shippingCode()).isEqualTo(41);
    }

    @Test
    void aLateMessageNeverTakesATerminalParcelBack() {
        OrderShippingState delivered = order(OrderStatus.DELIVERED, 41, "MYS1");

        assertThat(rules.regresses(delivered, parcel(31, "MYS1", false))).isTrue();
        assertThat(rules.decide(delivered, parcel(31, "MYS1", false), null)).isEmpty();
    }

    @Test
    void aDisplayIdFillsAnEmptyTrackingNumberButNeverReplacesOne() {
        assertThat(rules.decide(order(OrderStatus.SHIPPED, 31, null), parcel(32, "4831207", true), null)
                        .orElseThrow()
                        .trackingNumber())
                .isEqualTo("4831207");
        assertThat(rules.decide(order(OrderStatus.SHIPPED, 31, "MYS1"), parcel(32, "4831207", true), null)
                        .orElseThrow()
                        .trackingNumber())
                .isEqualTo("MYS1");
    }

    @Test
    void anUnknownCodeIsKeptWithAnInconnuLabel() {
        ShippingChange change = rules.decide(order(OrderStatus.SHIPPED, 31, "MYS1"), parcel(77, "MYS1", false), "main")
                .orElseThrow();

        assertThat(change.shippingCode()).isEqualTo(77);
        assertThat(change.shippingLabel()).isEqualTo("INCONNU (77)");
        assertThat(change.unknownCode()).isTrue();
        assertThat(change.status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void theMappingIsConfigurableAndCheckedAtStart() {
        ShippingRules shippedToo = new ShippingRules(OrderStatusMapping.of("31=SHIPPED, 41=DELIVERED"));

        assertThat(shippedToo
                        .decide(order(OrderStatus.CONFIRMED, 22, "MYS1"), parcel(31, "MYS1", false), null)
                        .orElseThrow()
                        .status())
                .isEqualTo(OrderStatus.SHIPPED);
        assertThatThrownBy(() -> OrderStatusMapping.of("41=LIVRE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'LIVRE' is not an order status");
        assertThatThrownBy(() -> OrderStatusMapping.of("41"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code=STATUS");
    }

    private static OrderShippingState order(OrderStatus status, Integer code, String tracking) {
        return new OrderShippingState(
                1,
                1,
                "R1",
                "0661234567",
                status,
                code,
                code == null ? null : dz.libertaphonix.scheduler.maystro.MaystroStatus.labelOf(code),
                tracking,
                "4831207",
                null,
                null,
                null,
                null,
                true);
    }

    private static MaystroParcel parcel(int code, String tracking, boolean fromDisplayId) {
        return new MaystroParcel(
                "4831207",
                "R1",
                code,
                tracking,
                fromDisplayId,
                "0661 23 45 67",
                Instant.parse("2025-07-24T10:00:00Z"),
                null,
                code == 41 ? DELIVERED_AT : null,
                null,
                null,
                null);
    }
}
