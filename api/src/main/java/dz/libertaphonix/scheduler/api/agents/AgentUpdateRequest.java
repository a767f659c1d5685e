package dz.libertaphonix.scheduler.api.agents;

import dz.libertaphonix.scheduler.api.http.Patterns;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /agents/{id}}: only the fields present change. */
@RegisterForReflection
public record AgentUpdateRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = Patterns.NOT_BLANK, message = Patterns.NOT_BLANK_MESSAGE)
        String name,

        @Size(max = 320) @Email @Pattern(regexp = Patterns.EMAIL, message = Patterns.EMAIL_MESSAGE)
        String email,

        @Min(0) @Max(10_000) Integer dailyCapacity,
        Boolean active,
        Boolean available) {}
