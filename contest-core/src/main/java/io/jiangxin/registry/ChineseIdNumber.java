package io.jiangxin.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** The 18-character resident identity number of GB 11643-1999, with its ISO 7064 MOD 11-2 check character. */
public final class ChineseIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ChineseIdNumber() {
    }

    public static boolean isValid(String value) {
        return value != null && value.matches("\\d{17}[0-9X]") && checkCharacter(value) == value.charAt(17)
                && birthDate(value).isPresent();
    }

    public static Optional<LocalDate> birthDate(String value) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Shows the region prefix and the last four characters only, as printed notices do. */
    public static String masked(String value) {
        if (value == null || value.length() < 10) {
            return value;
        }
        return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
