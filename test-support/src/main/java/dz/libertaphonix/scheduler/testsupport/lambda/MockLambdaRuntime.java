package dz.libertaphonix.scheduler.testsupport.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API, as much of it as the runtime interface client uses: hands out the given
 * events one per {@code /invocation/next}, in order, then holds later polls (as Lambda freezes an idle
 * function) until stopped; records each response or error. It also answers the two EventBridge calls
 * the functions make on their first invocation, so that they are part of the invocation they belong to:
 * {@code PutEvents} (a job run's SyncCompleted event) and {@code DescribeRule} (the api's schedule
 * state, every rule {@code ENABLED}).
 */
public final class MockLambdaRuntime implements AutoCloseable {

    private static final String RUNTIME = "/2018-06-01/runtime";
    private static final Pattern RULE_NAME = Pattern.compile("\"Name\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Invocation> invocations = new ArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicInteger putEvents = new AtomicInteger();
    private final AtomicInteger describeRules = new AtomicInteger();
    private final String functionArn;
    private int next;

    /** One event handed to the function, and what became of it. */
    public static final class Invocation {
        private final String requestId = UUID.randomUUID().toString();
        private final String event;
        private final CompletableFuture<String> response = new CompletableFuture<>();
        private volatile long handedOutAt;
        private volatile long respondedAt;

        Invocation(String event) {
            this.event = event;
        }

        public String event() {
            return event;
        }

        /** {@link System#nanoTime()} when the function took the event. */
        public long handedOutAt() {
            return handedOutAt;
        }

        /** {@link System#nanoTime()} when the function posted its response (or error). */
        public long respondedAt() {
            return respondedAt;
        }
    }

    /** A runtime for the function {@code functionName}, handing out {@code events} in order. */
    public MockLambdaRuntime(String functionName, List<String> events) throws IOException {
        this.functionArn = "arn:aws:lambda:eu-west-3:123456789012:function:" + functionName;
        events.forEach(event -> invocations.add(new Invocation(event)));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API} (and the EventBridge endpoint's host and port). */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The EventBridge endpoint this runtime answers, for a function's endpoint override. */
    public String eventBridgeEndpoint() {
        return "http://" + address();
    }

    public int putEvents() {
        return putEvents.get();
    }

    public int describeRules() {
        return describeRules.get();
    }

    public Invocation invocation(int index) {
        return invocations.get(index);
    }

    /**
     * Waits for the function's response to invocation {@code index}; a function error or no answer in
     * time fails with what the function logged.
     */
    public String awaitResponse(int index, int seconds, Process process, FunctionLog log) {
        try {
            return invocations.get(index).response.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new AssertionError(
                    "no response to invocation " + index + " (process alive: " + process.isAlive() + "); log:\n"
                            + log.tail(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.equals(RUNTIME + "/invocation/next")) {
            next(exchange);
            return;
        }
        for (Invocation invocation : invocations) {
            if (path.equals(RUNTIME + "/invocation/" + invocation.requestId + "/response")) {
                invocation.respondedAt = System.nanoTime();
                invocation.response.complete(new String(body, StandardCharsets.UTF_8));
                reply(exchange, 202, "{\"status\":\"OK\"}", Map.of());
                return;
            }
            if (path.equals(RUNTIME + "/invocation/" + invocation.requestId + "/error")) {
                invocation.respondedAt = System.nanoTime();
                invocation.response.completeExceptionally(
                        new IllegalStateException("function error: " + new String(body, StandardCharsets.UTF_8)));
                reply(exchange, 202, "{\"status\":\"OK\"}", Map.of());
                return;
            }
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if ("AWSEvents.PutEvents".equals(target)) {
            putEvents.incrementAndGet();
            reply(
                    exchange,
                    200,
                    "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"" + UUID.randomUUID() + "\"}]}",
                    Map.of("Content-Type", "application/x-amz-json-1.1"));
            return;
        }
        if ("AWSEvents.DescribeRule".equals(target)) {
            describeRules.incrementAndGet();
            Matcher name = RULE_NAME.matcher(new String(body, StandardCharsets.UTF_8));
            String rule = name.find() ? name.group(1) : "unnamed";
            reply(
                    exchange,
                    200,
                    "{\"Name\":\"" + rule + "\",\"Arn\":\"arn:aws:events:eu-west-3:123456789012:rule/" + rule
                            + "\",\"State\":\"ENABLED\",\"EventBusName\":\"default\"}",
                    Map.of("Content-Type", "application/x-amz-json-1.1"));
            return;
        }
        reply(exchange, 404, "{}", Map.of());
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        synchronized (this) {
            invocation = next < invocations.size() ? invocations.get(next++) : null;
        }
        if (invocation == null) {
            try {
                stopping.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        invocation.handedOutAt = System.nanoTime();
        reply(
                exchange,
                200,
                invocation.event,
                Map.of(
                        "Lambda-Runtime-Aws-Request-Id",
                        invocation.requestId,
                        "Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + 900_000),
                        "Lambda-Runtime-Invoked-Function-Arn",
                        functionArn,
                        "Lambda-Runtime-Trace-Id",
                        "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
                        "Content-Type",
                        "application/json"));
    }

    private static void reply(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Where a started function's output goes, for failure messages. */
    public interface FunctionLog {
        String tail();
    }
}
