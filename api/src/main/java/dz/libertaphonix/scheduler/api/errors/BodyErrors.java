package dz.libertaphonix.scheduler.api.errors;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What is wrong with a request body, in the caller's terms: its fields, never our method names. */
final class BodyErrors {

    private BodyErrors() {}

    /**
     * The failed checks, sorted by field, and the one-line message listing them.
     *
     * @param list {@code {field, message}} per violation
     */
    record Violations(List<Map<String, Object>> list, String message) {}

    static Violations violations(ConstraintViolationException e) {
        List<Map<String, Object>> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", field(violation.getPropertyPath()));
            entry.put("message", violation.getMessage());
            violations.add(entry);
        }
        violations.sort(Comparator.comparing(v -> String.valueOf(v.get("field"))));
        String message = violations.stream()
                .map(v -> v.get("field") + " " + v.get("message"))
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return new Violations(violations, message);
    }

    /** Whether a violation is of an endpoint's return value: the server's fault, not the caller's. */
    static boolean violatedByAnswer(ConstraintViolationException e) {
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code create.request.name} → {@code name}: the caller knows fields, not our method names. */
    static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getName());
            } else if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                names.add(node.getName());
            }
        }
        if (names.size() > 1) {
            // a body parameter's name is noise in front of its fields
            names.remove(0);
        }
        return String.join(".", names);
    }

    /** The JSON path of the value Jackson could not read ({@code agents[2].dailyCapacity}). */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
