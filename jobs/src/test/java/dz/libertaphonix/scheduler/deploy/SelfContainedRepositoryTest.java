package dz.libertaphonix.scheduler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dz.libertaphonix.scheduler.testsupport.SamTemplate;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fresh clone, alone on a laptop, passes {@code ./mvnw verify}: no build file, workflow, script,
 * test or application file reaches for the team's {@code shared} folder beside the repository. What
 * a test needs is committed (e.g. {@code infra/sam-schema}). Plain JUnit: reads files.
 */
class SelfContainedRepositoryTest {

    /** A path into the team's folder beside the repository, however it is spelled. */
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared\\b|shared/schemas|/work/shared");

    private static final Set<String> SKIPPED_DIRECTORIES =
            Set.of(".git", "target", ".aws-sam", "node_modules", ".idea");

    @Test
    void nothingInTheRepositoryReadsTheTeamsFolderBesideIt() throws IOException {
        Path root = SamTemplate.repositoryRoot();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(file -> !skipped(root, file))
                    .toList()) {
                String text = readText(file);
                if (text != null && OUTSIDE.matcher(text).find()) {
                    offenders.add(root.relativize(file).toString());
                }
            }
        }

        assertThat(offenders)
                .as("files that read outside the repository (commit what they need instead)")
                .isEmpty();
    }

    private static boolean skipped(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        // this test names the pattern it looks for
        return file.getFileName().toString().equals(SelfContainedRepositoryTest.class.getSimpleName() + ".java");
    }

    /** The file's text, or null for a binary file. */
    private static String readText(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (MalformedInputException binary) {
            return null;
        }
    }
}
