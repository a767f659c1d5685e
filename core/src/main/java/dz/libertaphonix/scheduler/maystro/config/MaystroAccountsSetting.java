package dz.libertaphonix.scheduler.maystro.config;

import dz.libertaphonix.scheduler.maystro.MaystroConfigurationException;
import dz.libertaphonix.scheduler.maystro.MaystroCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The setting that names the Maystro accounts of the business, {@code scheduler.maystro.accounts}
 * ({@code SCHEDULER_MAYSTRO_ACCOUNTS}): comma-separated {@code name=key} pairs, e.g.
 * {@code main=3f9a...,returns=77c2...}. Whitespace around names and keys is ignored. A malformed value
 * is reported by the run that needs it (without echoing any key), not at application start: a typo
 * in the Maystro setting must not take the admin API down.
 */
@ApplicationScoped
public class MaystroAccountsSetting {

    private final MaystroConfig config;

    public MaystroAccountsSetting(MaystroConfig config) {
        this.config = config;
    }

    /**
     * The configured accounts, in configuration order; empty when none is configured.
     *
     * @throws MaystroConfigurationException when the setting is malformed
     */
    public List<MaystroCredentials> configured() {
        return config.accounts().map(value -> parse(value, config.baseUrl())).orElse(List.of());
    }

    /** Parses {@code name=key[,name=key...]}; every account gets {@code baseUrl}. */
    public static List<MaystroCredentials> parse(String value, URI baseUrl) {
        List<MaystroCredentials> accounts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] entries = value.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 0) {
                // never quote the entry: it may be a bare key
                throw new MaystroConfigurationException(
                        "SCHEDULER_MAYSTRO_ACCOUNTS entry " + (i + 1) + " is not of the form name=key");
            }
            String name = entry.substring(0, equals).trim();
            String key = entry.substring(equals + 1).trim();
            MaystroCredentials account;
            try {
                account = new MaystroCredentials(name, key, baseUrl);
            } catch (IllegalArgumentException e) {
                throw new MaystroConfigurationException(
                        "SCHEDULER_MAYSTRO_ACCOUNTS entry " + (i + 1) + ": " + e.getMessage());
            }
            if (!names.add(name)) {
                throw new MaystroConfigurationException(
                        "SCHEDULER_MAYSTRO_ACCOUNTS names the account '" + name + "' twice");
            }
            accounts.add(account);
        }
        return List.copyOf(accounts);
    }
}
