package dz.libertaphonix.scheduler.api.http;

import dz.libertaphonix.scheduler.common.errors.InvalidInputException;
import java.util.Map;

/** A query or path parameter that cannot be understood, with the reason. */
public class InvalidParameterException extends InvalidInputException {

    private final String parameter;

    public InvalidParameterException(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("parameter", parameter);
    }
}
