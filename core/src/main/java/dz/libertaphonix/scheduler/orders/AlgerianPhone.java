package dz.libertaphonix.scheduler.orders;

import java.util.Optional;

/**
 * Normalises Algerian phone numbers to the national form {@code 0XXXXXXXXX}: {@code +213 5 55 12 34 56},
 * {@code 00213555123456}, {@code 0555-12-34-56} and {@code 555123456} all become {@code 0555123456}.
 */
public final class AlgerianPhone {

    private AlgerianPhone() {}

    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[^0-9+]", "");
        if (digits.startsWith("+213")) {
            digits = "0" + digits.substring(4);
        } else if (digits.startsWith("00213")) {
            digits = "0" + digits.substring(5);
        } else if (digits.startsWith("213") && digits.length() == 12) {
            digits = "0" + digits.substring(3);
        } else if (!digits.startsWith("0") && (digits.length() == 9 || digits.length() == 8)) {
            digits = "0" + digits;
        }
        if (digits.startsWith("00")) {
            return Optional.empty();
        }
        // mobiles 05/06/07 have 10 digits, landlines 9
        boolean mobile = digits.matches("0[567][0-9]{8}");
        boolean landline = digits.matches("0[1-49][0-9]{7}");
        return mobile || landline ? Optional.of(digits) : Optional.empty();
    }
}
