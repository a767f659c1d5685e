package dz.libertaphonix.scheduler.api.stores;

import dz.libertaphonix.scheduler.api.http.Patterns;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /stores/{id}}: only the fields present change; {@code token} is write-only. */
@RegisterForReflection
public record StoreUpdateRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = Patterns.NOT_BLANK, message = Patterns.NOT_BLANK_MESSAGE)
        String name,

        @Size(max = 500) @Pattern(regexp = Patterns.HTTP_URL, message = Patterns.HTTP_URL_MESSAGE)
        String baseUrl,

        @Size(min = 1, max = 2000) @Pattern(regexp = Patterns.NOT_BLANK, message = Patterns.NOT_BLANK_MESSAGE)
        String token,

        Boolean active) {}
