package dz.libertaphonix.scheduler.importing.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dz.libertaphonix.scheduler.ecomanager.EcoManagerItem;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerOrder;
import dz.libertaphonix.scheduler.stores.Store;
import dz.libertaphonix.scheduler.testsupport.CoreFixtures;
import dz.libertaphonix.scheduler.testsupport.ImportFixtures;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The intake on its own, as a single delivered order (a webhook, a sweep) would use it: no walk, no
 * cursor, no run. Its batches, their transactions and the caller's follow-up are checked here; the
 * hourly import's use of it is {@code OrderImportTest}'s.
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
class OrderIntakeTest {

    @Inject
    OrderIntake intake;

    @Inject
    CoreFixtures core;

    @Inject
    ImportFixtures fixtures;

    @Test
    void takesOneOrderInOnceAndGivesItAnAgent() {
        Store store = store();
        core.agent("Samira Boukhari", 50);
        EcoManagerOrder order = order(7001, "0555 12 34 56");

        IntakeTally first = new IntakeTally(20);
        boolean complete = intake.take(request(store, List.of(order), first, BatchFollowUp.NONE));
        IntakeTally again = new IntakeTally(20);
        intake.take(request(store, List.of(order), again, BatchFollowUp.NONE));

        assertThat(complete).isTrue();
        assertThat(first.imported()).isEqualTo(1);
        assertThat(first.assigned()).isEqualTo(1);
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        Map<String, Object> row = fixtures.orders(store).get(7001L);
        assertThat(row).containsEntry("status", "ASSIGNED").containsEntry("phone", "0555123456");
        assertThat(fixtures.statusEvents((Long) row.get("id")))
                .extracting(event -> event.get("source"))
                .containsExactly("IMPORT", "ASSIGNMENT");
        assertThat(fixtures.cursor(store))
                .as("the intake alone never moves the cursor")
                .isZero();
    }

    @Test
    void quarantinesAMalformedOrderAndTakesTheOthers() {
        Store store = store();

        IntakeTally tally = new IntakeTally(20);
        intake.take(
                request(store, List.of(order(7101, "0555 12 34 57"), order(7102, "12")), tally, BatchFollowUp.NONE));

        assertThat(fixtures.ecomanagerIds(store)).containsExactly(7101L);
        assertThat(tally.quarantined()).isEqualTo(1);
        assertThat(tally.quarantine()).singleElement().satisfies(note -> {
            assertThat(note.ecomanagerId()).isEqualTo(7102L);
            assertThat(note.reason()).contains("telephone");
        });
        assertThat(fixtures.quarantine(store)).singleElement().satisfies(row -> assertThat(row.get("ecomanager_id"))
                .isEqualTo(7102L));
    }

    @Test
    void commitsOldestFirstInBatchesEachWithItsFollowUp() {
        Store store = store();
        List<EcoManagerOrder> newestFirst = LongStream.rangeClosed(7201, 7230)
                .map(id -> 7201 + 7230 - id)
                .mapToObj(id -> order(id, CoreFixtures.mobile()))
                .toList();
        List<BatchSlot> slots = new ArrayList<>();

        intake.take(request(store, newestFirst, new IntakeTally(20), slots::add));

        // scheduler.import.batch-size is 25
        assertThat(slots)
                .extracting(BatchSlot::first, BatchSlot::last, BatchSlot::highestId)
                .containsExactly(tuple(true, false, 7225L), tuple(false, true, 7230L));
    }

    @Test
    void aFailingFollowUpTakesItsBatchBackWithIt() {
        Store store = store();
        List<EcoManagerOrder> orders = LongStream.rangeClosed(7301, 7330)
                .mapToObj(id -> order(id, CoreFixtures.mobile()))
                .toList();
        BatchFollowUp failsOnTheLast = slot -> {
            if (slot.last()) {
                throw new IllegalStateException("the follow-up failed");
            }
        };

        assertThatThrownBy(() -> intake.take(request(store, orders, new IntakeTally(20), failsOnTheLast)))
                .hasMessageContaining("the follow-up failed");
        assertThat(fixtures.ecomanagerIds(store))
                .as("the first batch is committed, the second rolled back with its follow-up")
                .hasSize(25)
                .last()
                .isEqualTo(7325L);
    }

    private Store store() {
        Store store = core.store("https://intake.ecomanager.dz/api/shop/v2", "tok-" + UUID.randomUUID());
        fixtures.deactivate(store);
        return store;
    }

    private static IntakeRequest request(
            Store store, List<EcoManagerOrder> orders, IntakeTally tally, BatchFollowUp followUp) {
        return new IntakeRequest(
                IntakeStore.of(store), orders, 0, null, followUp, () -> false, IntakeProgress.NONE, tally);
    }

    private static EcoManagerOrder order(long id, String telephone) {
        String reference = "IN-" + id + "-" + CoreFixtures.next();
        return new EcoManagerOrder(
                id,
                reference,
                "En dispatch",
                "Confirmé",
                "Nour El Houda Meziane",
                telephone,
                "Blida",
                "Boufarik",
                new BigDecimal("4500.00"),
                Instant.parse("2025-07-24T17:38:27Z"),
                null,
                List.of(new EcoManagerItem(
                        "P-88", "OUD-100", "Parfum Oud Royal 100 ml", 1, new BigDecimal("4500.00"), null)),
                List.of(),
                "{\"id\": " + id + ", \"reference\": \"" + reference + "\", \"telephone\": \"" + telephone + "\"}");
    }
}
