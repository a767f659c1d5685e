package dz.libertaphonix.scheduler.testsupport.lambda;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;

/**
 * The baseline of the cold-start benchmarks: the smallest Java program that starts, says so, and
 * waits, started with the same JVM and flags as the function: the JVM's own start cost and footprint
 * on this machine, measured in the same run as the function so that the shared machine's load falls
 * on both.
 */
public final class JvmBaseline {

    /** Process start to the program's first line of output, and its peak RSS then. */
    public record Start(long millis, long peakRssKb) {}

    private final Path classes;

    private JvmBaseline(Path classes) {
        this.classes = classes;
    }

    /** Compiles the baseline program into a temporary directory. */
    public static JvmBaseline compile() throws IOException {
        Path dir = Files.createTempDirectory("baseline");
        Path source = dir.resolve("Baseline.java");
        Files.writeString(source, """
                public class Baseline {
                    public static void main(String[] args) throws Exception {
                        System.out.println("ready");
                        System.out.flush();
                        System.in.read();
                    }
                }
                """);
        int status =
                ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString());
        if (status != 0) {
            throw new IllegalStateException("the baseline program did not compile");
        }
        return new JvmBaseline(dir);
    }

    /** One start of the baseline program with {@code jvmFlags}. */
    public Start measure(List<String> jvmFlags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PackagedLambda.java()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classes.toString(), "Baseline"));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            long ready = System.nanoTime();
            if (!"ready".equals(line)) {
                throw new IllegalStateException("the baseline program said " + line);
            }
            long peak = PackagedLambda.peakRssKb(process.pid());
            process.getOutputStream().close();
            process.waitFor(20, TimeUnit.SECONDS);
            return new Start(TimeUnit.NANOSECONDS.toMillis(ready - t0), peak);
        } finally {
            process.destroyForcibly();
        }
    }
}
