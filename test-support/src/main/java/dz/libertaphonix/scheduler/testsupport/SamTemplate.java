package dz.libertaphonix.scheduler.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The repository's {@code template.yaml}, read with {@link CloudFormationYaml}, with the few lookups
 * the deployment tests need: resources by type, a function's properties with SAM's {@code Globals}
 * applied, and an evaluator for {@code Fn::If}/{@code Ref} under chosen parameter values (so a test
 * can ask "what runtime does a native deployment get?").
 */
public final class SamTemplate {

    /** Where the functions' code comes from, relative to the repository root (see template.yaml). */
    public static final String JOBS_ARTIFACT = "jobs/target/function.zip";

    public static final String API_ARTIFACT = "api/target/function.zip";

    /** Marks a value removed by {@code AWS::NoValue}. */
    private static final Object NO_VALUE = new Object();

    private final Path file;
    private final Map<String, Object> root;

    private SamTemplate(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    public static SamTemplate load(Path file) {
        try {
            return new SamTemplate(file, CloudFormationYaml.load(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The repository root: the nearest directory above the working directory holding template.yaml and mvnw. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no repository root (template.yaml + mvnw) above " + Path.of("").toAbsolutePath());
    }

    public Path file() {
        return file;
    }

    public Map<String, Object> root() {
        return root;
    }

    public Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    public Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("template.yaml has no resource " + logicalId);
        }
        return map(resource);
    }

    public String type(String logicalId) {
        return (String) resource(logicalId).get("Type");
    }

    public Map<String, Object> properties(String logicalId) {
        Object properties = resource(logicalId).get("Properties");
        return properties == null ? Map.of() : map(properties);
    }

    public List<String> resourcesOfType(String... types) {
        List<String> wanted = Arrays.asList(types);
        return resources().keySet().stream()
                .filter(id -> wanted.contains(type(id)))
                .toList();
    }

    /** The SAM functions ({@code AWS::Serverless::Function}), in template order. */
    public List<String> samFunctions() {
        return resourcesOfType("AWS::Serverless::Function");
    }

    public Map<String, Object> parameters() {
        return map(root.getOrDefault("Parameters", Map.of()));
    }

    public Map<String, Object> parameter(String name) {
        Object parameter = parameters().get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("template.yaml has no parameter " + name);
        }
        return map(parameter);
    }

    /** Every parameter's default, as CloudFormation would take it when nothing overrides it. */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new HashMap<>();
        parameters().forEach((name, definition) -> {
            Object value = map(definition).get("Default");
            if (value != null) {
                defaults.put(name, String.valueOf(value));
            }
        });
        return defaults;
    }

    /** A SAM function's property, falling back to {@code Globals.Function} as SAM does; null when neither has it. */
    public Object functionProperty(String function, String key) {
        Object own = properties(function).get(key);
        if (own != null || !"AWS::Serverless::Function".equals(type(function))) {
            return own;
        }
        return globalsFunction().get(key);
    }

    /** A function's environment variables: {@code Globals.Function} merged with its own, its own winning. */
    public Map<String, Object> environment(String function) {
        Map<String, Object> variables = new LinkedHashMap<>();
        if ("AWS::Serverless::Function".equals(type(function))) {
            variables.putAll(variablesOf(globalsFunction().get("Environment")));
        }
        variables.putAll(variablesOf(properties(function).get("Environment")));
        return variables;
    }

    /** A function's {@code LoggingConfig}, merged with the global one for SAM functions. */
    public Map<String, Object> loggingConfig(String function) {
        Map<String, Object> config = new LinkedHashMap<>();
        if ("AWS::Serverless::Function".equals(type(function))) {
            config.putAll(map(globalsFunction().getOrDefault("LoggingConfig", Map.of())));
        }
        config.putAll(map(properties(function).getOrDefault("LoggingConfig", Map.of())));
        return config;
    }

    public Map<String, Map<String, Object>> events(String function) {
        Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        map(properties(function).getOrDefault("Events", Map.of()))
                .forEach((name, event) -> events.put(name, map(event)));
        return events;
    }

    public List<Map<String, Object>> eventsOfType(String function, String eventType) {
        return events(function).values().stream()
                .filter(event -> eventType.equals(event.get("Type")))
                .map(event -> map(event.get("Properties")))
                .toList();
    }

    /**
     * Evaluates {@code Fn::If}, {@code Ref} to a parameter and {@code AWS::NoValue} the way
     * CloudFormation would for the given parameter values (defaults fill the rest). Every other
     * intrinsic is left as it is.
     */
    public Object evaluate(Object node, Map<String, String> parameterValues) {
        Map<String, String> values = new HashMap<>(parameterDefaults());
        values.putAll(parameterValues);
        Object result = evaluateNode(node, values);
        return result == NO_VALUE ? null : result;
    }

    public boolean condition(String name, Map<String, String> parameterValues) {
        Map<String, String> values = new HashMap<>(parameterDefaults());
        values.putAll(parameterValues);
        return conditionValue(name, values);
    }

    private Object evaluateNode(Object node, Map<String, String> values) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> mapNode = map(raw);
            if (mapNode.size() == 1 && mapNode.containsKey("Fn::If")) {
                List<Object> branches = list(mapNode.get("Fn::If"));
                boolean holds = conditionValue((String) branches.get(0), values);
                return evaluateNode(holds ? branches.get(1) : branches.get(2), values);
            }
            if (mapNode.size() == 1 && mapNode.containsKey("Ref")) {
                String name = (String) mapNode.get("Ref");
                if ("AWS::NoValue".equals(name)) {
                    return NO_VALUE;
                }
                if (values.containsKey(name)) {
                    return values.get(name);
                }
                return mapNode;
            }
            Map<String, Object> evaluated = new LinkedHashMap<>();
            mapNode.forEach((key, value) -> {
                Object result = evaluateNode(value, values);
                if (result != NO_VALUE) {
                    evaluated.put(key, result);
                }
            });
            return evaluated;
        }
        if (node instanceof List<?> listNode) {
            List<Object> evaluated = new ArrayList<>();
            for (Object item : listNode) {
                Object result = evaluateNode(item, values);
                if (result != NO_VALUE) {
                    evaluated.add(result);
                }
            }
            return evaluated;
        }
        return node;
    }

    private boolean conditionValue(String name, Map<String, String> values) {
        Object definition = map(root.get("Conditions")).get(name);
        if (definition == null) {
            throw new IllegalArgumentException("template.yaml has no condition " + name);
        }
        return truth(definition, values);
    }

    private boolean truth(Object expression, Map<String, String> values) {
        Map<String, Object> function = map(expression);
        if (function.containsKey("Condition")) {
            return conditionValue((String) function.get("Condition"), values);
        }
        if (function.containsKey("Fn::Equals")) {
            List<Object> operands = list(function.get("Fn::Equals"));
            return Objects.equals(
                    String.valueOf(evaluateNode(operands.get(0), values)),
                    String.valueOf(evaluateNode(operands.get(1), values)));
        }
        if (function.containsKey("Fn::Not")) {
            return !truth(list(function.get("Fn::Not")).get(0), values);
        }
        if (function.containsKey("Fn::And")) {
            return list(function.get("Fn::And")).stream().allMatch(operand -> truth(operand, values));
        }
        if (function.containsKey("Fn::Or")) {
            return list(function.get("Fn::Or")).stream().anyMatch(operand -> truth(operand, values));
        }
        throw new IllegalArgumentException("unsupported condition expression " + expression);
    }

    private Map<String, Object> globalsFunction() {
        Map<String, Object> globals = map(root.getOrDefault("Globals", Map.of()));
        return map(globals.getOrDefault("Function", Map.of()));
    }

    private static Map<String, Object> variablesOf(Object environment) {
        if (environment == null) {
            return Map.of();
        }
        return map(map(environment).getOrDefault("Variables", Map.of()));
    }

    /**
     * Whether an EventBridge event matches a pattern of the simple kind the template uses: every
     * pattern key must be present, a list lists the allowed values, a map matches the nested object.
     */
    public static boolean matchesPattern(Map<String, Object> pattern, Map<String, Object> event) {
        for (Map.Entry<String, Object> entry : pattern.entrySet()) {
            Object actual = event.get(entry.getKey());
            if (entry.getValue() instanceof Map<?, ?> nested) {
                if (!(actual instanceof Map<?, ?> actualMap) || !matchesPattern(map(nested), map(actualMap))) {
                    return false;
                }
            } else if (!list(entry.getValue()).contains(actual)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        if (!(value instanceof List<?>)) {
            throw new IllegalArgumentException("expected a list, got " + value);
        }
        return (List<Object>) value;
    }
}
