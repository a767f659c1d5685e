package dz.libertaphonix.scheduler.ecomanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * Reads the body of an EcoManager webhook delivery: the single order as {@code GET /orders/{id}}
 * returns it. The documentation does not settle whether it comes bare or wrapped in
 * {@code {"data": …}} like the list, so both are read. The order is parsed by the same tolerant
 * parser as the hourly import; only a body without an identifiable order is refused.
 */
@ApplicationScoped
public class EcoManagerWebhookBodies {

    private final ObjectMapper mapper;
    private final EcoManagerOrderParser parser;

    public EcoManagerWebhookBodies(ObjectMapper mapper) {
        this.mapper = mapper;
        this.parser = new EcoManagerOrderParser(mapper);
    }

    /**
     * @throws UnreadableWebhookBodyException not JSON, not an object, or an order without a readable id
     */
    public EcoManagerOrder read(byte[] body) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnreadableWebhookBodyException("the body is not valid JSON");
        } catch (IOException e) {
            throw new UnreadableWebhookBodyException("the body could not be read");
        }
        if (tree == null || !tree.isObject()) {
            throw new UnreadableWebhookBodyException("the body is not a JSON object");
        }
        JsonNode order = tree;
        if (!tree.has("id") && tree.path("data").isObject()) {
            order = tree.get("data");
        }
        EcoManagerOrder parsed = parser.order(order);
        if (parsed.id() == null) {
            throw new UnreadableWebhookBodyException("the body holds no order with a readable id");
        }
        return parsed;
    }
}
