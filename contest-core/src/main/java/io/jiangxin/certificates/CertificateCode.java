package io.jiangxin.certificates;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * A certificate's verification code: 12 characters of Crockford base32 (60 random bits), without the easily
 * confused letters I, L, O and U. Printed in groups of four ({@code 7KQ2-9MXC-4TZB}); read back forgivingly, as
 * Crockford decoding does: lower case, hyphens and spaces are accepted, O reads as 0 and I or L as 1.
 */
public final class CertificateCode {

    public static final int LENGTH = 12;
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateCode() {
    }

    public static String random() {
        long bits = RANDOM.nextLong();
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt((int) (bits & 31)));
            bits >>>= 5;
        }
        return code.toString();
    }

    /** The canonical code the input stands for, or empty when it cannot be one (wrong length or characters). */
    public static Optional<String> parse(String input) {
        if (input == null || input.length() > 40) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : input.toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char upper = Character.toUpperCase(c);
            char read = switch (upper) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> upper;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            code.append(read);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    /** Groups of four for print: {@code 7KQ29MXC4TZB} → {@code 7KQ2-9MXC-4TZB}. */
    public static String grouped(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }
}
