package dz.libertaphonix.scheduler.api.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an audited endpoint adds to its audit row while it runs: the parameters it understood (the
 * audit service redacts credentials) and a more precise target. Empty when the call was refused
 * before the endpoint ran. Also the row written ahead of the call ({@link AuditFilters}).
 */
@RequestScoped
public class AuditTrail {

    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private String target;
    private Long rowId;
    private boolean refusedUnaudited;

    public AuditTrail parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public AuditTrail target(String target) {
        this.target = target;
        return this;
    }

    Map<String, Object> parameters() {
        return new LinkedHashMap<>(parameters);
    }

    String target() {
        return target;
    }

    void begun(long rowId) {
        this.rowId = rowId;
    }

    /** The row written before the call acted, or null (the call was refused before it began). */
    Long rowId() {
        return rowId;
    }

    void markRefusedUnaudited() {
        this.refusedUnaudited = true;
    }

    /** Whether the call was refused because its audit row could not be written (nothing to complete). */
    boolean refusedUnaudited() {
        return refusedUnaudited;
    }
}
