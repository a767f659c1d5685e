package dz.libertaphonix.scheduler.api.agents;

import dz.libertaphonix.scheduler.api.http.Patterns;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /agents}.
 *
 * @param dailyCapacity orders the agent may receive per Algiers day (default 50)
 * @param active employed and allowed to receive work (default true)
 * @param available on shift right now (default true)
 */
@RegisterForReflection
public record AgentCreateRequest(
        @NotBlank @Size(max = 200) String name,

        @NotBlank @Size(max = 320) @Email @Pattern(regexp = Patterns.EMAIL, message = Patterns.EMAIL_MESSAGE)
        String email,

        @Min(0) @Max(10_000) Integer dailyCapacity,
        Boolean active,
        Boolean available) {}
