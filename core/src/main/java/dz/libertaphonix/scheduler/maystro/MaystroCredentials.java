package dz.libertaphonix.scheduler.maystro;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a call to one Maystro account needs: the account's name (for reports and its
 * {@code courier_accounts} row), the API key, and the API's base URL. The key is a secret:
 * {@link #toString()} never shows it.
 */
public record MaystroCredentials(String name, String key, URI baseUrl) {

    /** The same rule as the {@code courier_accounts.name} check constraint. */
    static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");

    public MaystroCredentials {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a Maystro account name is 1 to 64 lower-case letters, digits, '-' or '_'");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("the Maystro account '" + name + "' has no key");
        }
    }

    /**
     * A stable name for the key's shared rate budget that does not reveal the key: two account names
     * configured with one key draw from one budget.
     */
    public String budgetId() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "maystro:" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "MaystroCredentials[" + name + "]";
    }
}
