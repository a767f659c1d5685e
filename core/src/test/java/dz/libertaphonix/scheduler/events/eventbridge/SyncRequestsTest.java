package dz.libertaphonix.scheduler.events.eventbridge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dz.libertaphonix.scheduler.events.EventBridgeEvent;
import dz.libertaphonix.scheduler.events.SyncRequested;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.shipping.ShippingStatusSyncJob;
import dz.libertaphonix.scheduler.testsupport.RealServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The run request across the two processes: what the api sends is what a job function reads, through
 * EventBridge as it stores and delivers the event, with the bus, source and detail-type of one
 * configuration (here a detail-type that is not the default).
 */
@QuarkusTest
@QuarkusTestResource(RealServicesResource.class)
@TestProfile(EventBridgeTestProfile.class)
class SyncRequestsTest {

    @EventBridgeStub.Server
    WireMockServer eventBridge;

    @Inject
    SyncRequests requests;

    @Inject
    ObjectMapper json;

    @Test
    void aRequestTheApiSendsIsTheRequestTheJobFunctionReads() throws Exception {
        SyncRequested sent = new SyncRequested(ShippingStatusSyncJob.ID, UUID.randomUUID(), "admin@libertaphonix.dz");

        requests.send(sent);

        JsonNode entry = entryFor(sent.runId());
        assertThat(entry.get("EventBusName").asText()).isEqualTo(EventBridgeStub.BUS);
        assertThat(entry.get("Source").asText()).isEqualTo("libertaphonix.scheduler");
        assertThat(entry.get("DetailType").asText()).isEqualTo(EventBridgeStub.SYNC_REQUESTED);
        assertThat(json.readTree(entry.get("Detail").asText()))
                .isEqualTo(json.readTree("{\"job\": \"shipping-status-sync\", \"runId\": \"" + sent.runId()
                        + "\", \"actor\": \"admin@libertaphonix.dz\"}"));
        EventBridgeEvent delivered = deliveredToTheFunction(entry);
        assertThat(requests.isRequest(delivered)).isTrue();
        assertThat(requests.read(delivered)).isEqualTo(sent);
    }

    @Test
    void aDryRunRequestCarriesItsFlagToTheJobFunction() throws Exception {
        SyncRequested sent = SyncRequested.of(
                ShippingStatusSyncJob.ID, UUID.randomUUID(), "admin@libertaphonix.dz", RunTrigger.DRY_RUN);

        requests.send(sent);

        JsonNode entry = entryFor(sent.runId());
        assertThat(json.readTree(entry.get("Detail").asText()).get("dryRun").asBoolean())
                .isTrue();
        SyncRequested read = requests.read(deliveredToTheFunction(entry));
        assertThat(read).isEqualTo(sent);
        assertThat(read.trigger()).isEqualTo(RunTrigger.DRY_RUN);
    }

    @Test
    void theFunctionTakesOnlyTheConfiguredDetailTypeForARequest() throws Exception {
        EventBridgeEvent defaultType = event("SyncRequested", Map.of("job", "shipping-status-sync"));

        assertThat(requests.isRequest(defaultType)).isFalse();
    }

    @Test
    void readsAJobByItsLegacyNameAndRefusesAnUnknownJobOrARunIdThatIsNoUuid() throws Exception {
        UUID runId = UUID.randomUUID();
        SyncRequested legacy = requests.read(event(
                EventBridgeStub.SYNC_REQUESTED,
                Map.of("job", "shipping_status_sync", "runId", runId.toString(), "actor", "a@b.dz")));

        assertThat(legacy).isEqualTo(new SyncRequested(ShippingStatusSyncJob.ID, runId, "a@b.dz"));
        assertThatThrownBy(() -> requests.read(event(EventBridgeStub.SYNC_REQUESTED, Map.of("job", "coffee-machine"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SyncRequested for unknown job 'coffee-machine'");
        assertThatThrownBy(() -> requests.read(
                        event(EventBridgeStub.SYNC_REQUESTED, Map.of("job", "shipping-status-sync", "runId", "42"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SyncRequested runId '42' is not a UUID");
    }

    @Test
    void aRequestTheBusRefusesIsAnswered503ScheduleControlUnavailable() {
        UUID runId = UUID.randomUUID();
        eventBridge.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing(runId.toString()))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":\"InternalFailure\","
                                + "\"ErrorMessage\":\"try again\"}]}")));

        assertThatThrownBy(() -> requests.send(new SyncRequested(ShippingStatusSyncJob.ID, runId, "a@b.dz")))
                .isInstanceOf(ScheduleControlUnavailableException.class)
                .hasMessage("EventBridge refused the SyncRequested event: InternalFailure try again")
                .satisfies(e -> assertThat(((ScheduleControlUnavailableException) e).code())
                        .isEqualTo("SCHEDULE_CONTROL_UNAVAILABLE"));
    }

    private JsonNode entryFor(UUID runId) throws Exception {
        List<LoggedRequest> sent =
                eventBridge.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing(runId.toString())));
        assertThat(sent).hasSize(1);
        JsonNode body = json.readTree(sent.get(0).getBodyAsString());
        assertThat(body.get("Entries")).hasSize(1);
        return body.get("Entries").get(0);
    }

    /** The entry as EventBridge delivers it to a Lambda: the envelope, its detail as JSON, read as Funqy reads it. */
    private EventBridgeEvent deliveredToTheFunction(JsonNode entry) throws Exception {
        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", entry.get("DetailType").asText());
        event.put("source", entry.get("Source").asText());
        event.put("account", "123456789012");
        event.put("time", "2026-03-14T09:00:00Z");
        event.put("region", EventBridgeStub.REGION);
        event.putArray("resources");
        event.set("detail", json.readTree(entry.get("Detail").asText()));
        return json.treeToValue(event, EventBridgeEvent.class);
    }

    private EventBridgeEvent event(String detailType, Map<String, Object> detail) {
        return new EventBridgeEvent(
                "0",
                UUID.randomUUID().toString(),
                detailType,
                "libertaphonix.scheduler",
                "123456789012",
                null,
                EventBridgeStub.REGION,
                List.of(),
                detail);
    }
}
