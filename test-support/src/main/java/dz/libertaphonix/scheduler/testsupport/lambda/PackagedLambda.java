package dz.libertaphonix.scheduler.testsupport.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A packaged Quarkus Lambda ({@code target/*-runner.jar} and its {@code lib/}, the content of
 * {@code function.zip}) started the way Lambda's Java runtime starts it: its own JVM with Lambda's JVM
 * flags, under the AWS Lambda runtime interface client calling the handler template.yaml names, against
 * a {@link MockLambdaRuntime}. Used by the jobs module's AOT cache training and the cold-start
 * benchmarks of both functions.
 *
 * <p>The runtime interface client (with its dependencies) is taken from the calling test's class path:
 * a module that starts a packaged function has {@code aws-lambda-java-runtime-interface-client} as a
 * test dependency.
 */
public final class PackagedLambda {

    public static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /**
     * Native access for the runtime client's JNI library (JDK 24+ warns without it; Lambda's own
     * runtime starts its client with the same).
     */
    public static final List<String> RUNTIME_CLIENT_FLAGS = List.of("--enable-native-access=ALL-UNNAMED");

    private final Path runner;
    private final String handler;

    private PackagedLambda(Path runner, String handler) {
        this.runner = runner;
        this.handler = handler;
    }

    /**
     * The runner jar just packaged in {@code target} (the calling module's), started with
     * {@code handler}. Fails with a hint when the module has not been packaged.
     */
    public static PackagedLambda packaged(Path target, String handler, String benchmarkCommand) throws IOException {
        if (!Files.isDirectory(target)) {
            throw new IllegalStateException(noRunner(target, benchmarkCommand));
        }
        try (Stream<Path> files = Files.list(target)) {
            Path runner = files.filter(path -> path.getFileName().toString().endsWith("-runner.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(noRunner(target, benchmarkCommand)));
            return new PackagedLambda(runner.toAbsolutePath(), handler);
        }
    }

    private static String noRunner(Path target, String benchmarkCommand) {
        return "no " + target.toAbsolutePath() + "/*-runner.jar: this runs after the package phase (./mvnw package, or "
                + benchmarkCommand + ")";
    }

    /**
     * What Lambda's Java runtimes start the JVM with (tiered compilation stops at C1, serial GC), with
     * the function's memory as the JVM's RAM.
     */
    public static List<String> lambdaJvmFlags(int memoryMb) {
        return List.of(
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:MaxRAM=" + memoryMb + "m");
    }

    /**
     * How to start one function process: its name and memory (Lambda's own variables), the environment
     * template.yaml gives it (with local values), extra JVM flags, and where its output goes.
     */
    public record Launch(
            String functionName, int memoryMb, Map<String, String> environment, List<String> jvmFlags, Path log) {}

    /**
     * Starts the function against {@code runtime}, which hands it its events; the process owns the
     * runtime from here ({@link Started#kill()} closes it).
     */
    public Started start(MockLambdaRuntime runtime, Launch launch) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_LAMBDA_RUNTIME_API", runtime.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", launch.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(launch.memoryMb()));
        env.put("AWS_REGION", "eu-west-3");
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "not-a-real-secret");
        env.putAll(launch.environment());
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(lambdaJvmFlags(launch.memoryMb()));
        command.addAll(RUNTIME_CLIENT_FLAGS);
        command.addAll(launch.jvmFlags());
        command.addAll(List.of("-cp", classpath(), RUNTIME_CLIENT, handler));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(launch.log().toFile());
        builder.environment().putAll(env);
        long startedAt = System.nanoTime();
        try {
            return new Started(builder.start(), runtime, launch.log(), startedAt);
        } catch (IOException e) {
            runtime.close();
            throw e;
        }
    }

    /** A started function process, with the mock runtime it polls. */
    public record Started(Process process, MockLambdaRuntime runtime, Path log, long startedAt)
            implements MockLambdaRuntime.FunctionLog {

        public String awaitResponse(int invocation) {
            return runtime.awaitResponse(invocation, 120, process, this);
        }

        /** From process start to the function's response to invocation {@code index}. */
        public long millisToResponse(int index) {
            return TimeUnit.NANOSECONDS.toMillis(runtime.invocation(index).respondedAt() - startedAt);
        }

        /** The invocation's own time: from the function taking the event to its response. */
        public long invocationMillis(int index) {
            MockLambdaRuntime.Invocation invocation = runtime.invocation(index);
            return TimeUnit.NANOSECONDS.toMillis(invocation.respondedAt() - invocation.handedOutAt());
        }

        /** SIGTERM, as Lambda ends an environment; the JVM runs its shutdown (and writes an AOT cache). */
        public void stop(int seconds) throws InterruptedException {
            process.destroy();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("function did not exit within " + seconds + " s; log:\n" + tail());
            }
        }

        public void kill() {
            process.destroyForcibly();
            runtime.close();
        }

        public long peakRssKb() throws IOException {
            return PackagedLambda.peakRssKb(process.pid());
        }

        /** User + system CPU time of the process so far (clock ticks of 10 ms). */
        public long cpuMillis() throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        }

        @Override
        public String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    /**
     * The function's jar (its manifest names lib/*) and the runtime client with its own dependencies,
     * taken from the test's classpath. Absolute paths: an AOT cache is only used with the class path it
     * was trained on.
     */
    private String classpath() {
        List<String> entries = new ArrayList<>(List.of(runner.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("aws-lambda-java-runtime-interface-client")
                    || name.startsWith("aws-lambda-java-serialization")
                    || name.startsWith("utils-lite")) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        if (entries.size() < 2) {
            throw new IllegalStateException("no aws-lambda-java-runtime-interface-client on the test class path");
        }
        return String.join(File.pathSeparator, entries);
    }

    /** A process's peak resident set size so far (VmHWM), in KiB. */
    public static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmHWM for process " + pid);
    }

    /** The java launcher of the JVM running the test: the functions run on the same JDK. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
