package dz.libertaphonix.scheduler.maystro.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * The Maystro settings of the system this scheduler replaces, read as aliases of its own, so that an
 * environment carried over from it keeps working:
 *
 * <ul>
 *   <li>{@code MAYSTRO_API_KEY} (one account) stands for {@code scheduler.maystro.accounts} =
 *       {@code main=<key>};
 *   <li>{@code MAYSTRO_BASE_URL} stands for {@code scheduler.maystro.base-url}.
 * </ul>
 *
 * The scheduler's own settings win whenever they are set anywhere (a built-in default does not
 * count). Registered as a SmallRye Config interceptor (service file), so every reader of the two
 * properties, and every profile, sees the alias. The key is passed through, never logged.
 */
public class MaystroLegacyNames implements ConfigSourceInterceptor {

    static final String ACCOUNTS = "scheduler.maystro.accounts";
    static final String BASE_URL = "scheduler.maystro.base-url";
    /** {@code MAYSTRO_API_KEY} in the environment. */
    static final String LEGACY_KEY = "maystro.api-key";
    /** {@code MAYSTRO_BASE_URL} in the environment. */
    static final String LEGACY_BASE_URL = "maystro.base-url";
    /** The name the old system's single account gets in reports and {@code courier_accounts}. */
    public static final String LEGACY_ACCOUNT = "main";

    private static final long serialVersionUID = 1L;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!unset(value)) {
            return value;
        }
        if (ACCOUNTS.equals(name)) {
            ConfigValue key = context.proceed(LEGACY_KEY);
            if (!unset(key)) {
                return key.withName(name)
                        .withValue(LEGACY_ACCOUNT + "=" + key.getValue().trim());
            }
        } else if (BASE_URL.equals(name)) {
            ConfigValue url = context.proceed(LEGACY_BASE_URL);
            if (!unset(url)) {
                return url.withName(name).withValue(url.getValue().trim());
            }
        }
        return value;
    }

    private static boolean unset(ConfigValue value) {
        return value == null
                || value.isDefault()
                || value.getValue() == null
                || value.getValue().isBlank();
    }
}
