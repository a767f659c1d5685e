package dz.libertaphonix.scheduler.api.stores;

import dz.libertaphonix.scheduler.api.http.Patterns;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /stores}, validated as the schema checks it.
 *
 * @param identifier short upper-case code, unique ({@code NATU})
 * @param baseUrl {@code https://<account>.ecomanager.dz/api/shop/v2}
 * @param token the store's EcoManager API token: stored encrypted, never returned
 * @param active whether the import visits the store (default true)
 */
@RegisterForReflection
public record StoreCreateRequest(
        @NotBlank @Pattern(regexp = Patterns.STORE_IDENTIFIER, message = Patterns.STORE_IDENTIFIER_MESSAGE)
        String identifier,

        @NotBlank @Size(max = 200) String name,

        @NotBlank @Size(max = 500) @Pattern(regexp = Patterns.HTTP_URL, message = Patterns.HTTP_URL_MESSAGE)
        String baseUrl,

        @NotBlank @Size(max = 2000) String token,
        Boolean active) {}
