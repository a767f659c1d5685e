package dz.libertaphonix.scheduler.api.stores;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code POST /stores/{id}/reset-cursor}, body optional.
 *
 * @param cursor the EcoManager order id to resume after; 0 (the default) re-scans everything
 */
@RegisterForReflection
public record CursorResetRequest(@PositiveOrZero Long cursor) {}
