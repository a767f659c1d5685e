package dz.libertaphonix.scheduler.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM YAML template the way CloudFormation does: the short-form intrinsic
 * tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt} …) become their long JSON form
 * ({@code {"Ref": …}}, {@code {"Fn::Sub": …}}, {@code {"Fn::GetAtt": [resource, attribute]}}), so the
 * result can be checked against a JSON schema. An unknown tag or a duplicate key is an error, as it
 * is for CloudFormation.
 */
public final class CloudFormationYaml {

    /** Short-form functions spelled {@code !Name} in YAML and {@code Fn::Name} in JSON. */
    private static final List<String> FUNCTIONS = List.of(
            "Sub",
            "If",
            "Equals",
            "Not",
            "And",
            "Or",
            "Join",
            "Select",
            "Split",
            "FindInMap",
            "Base64",
            "Cidr",
            "GetAZs",
            "ImportValue",
            "Transform",
            "ToJsonString",
            "Length");

    private CloudFormationYaml() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new IntrinsicConstructor(options));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = yaml.load(reader);
            if (!(document instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(file + " is not a YAML mapping");
            }
            return (Map<String, Object>) document;
        }
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        private Object value(Node node) {
            if (node instanceof ScalarNode scalar) {
                return constructScalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                return new ArrayList<>(constructSequence(sequence));
            }
            return new LinkedHashMap<>(constructMapping((MappingNode) node));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                return Map.of(key, value(node));
            }
        }

        /** {@code !GetAtt Resource.Attribute} is the one short form whose scalar must be split. */
        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = value(node);
                if (value instanceof String text) {
                    int dot = text.indexOf('.');
                    if (dot <= 0) {
                        throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got " + text);
                    }
                    return Map.of("Fn::GetAtt", List.of(text.substring(0, dot), text.substring(dot + 1)));
                }
                return Map.of("Fn::GetAtt", value);
            }
        }
    }
}
