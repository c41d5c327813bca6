package io.jiangxin.engine.numeric;

import io.jiangxin.engine.text.Bilingual;
import io.jiangxin.engine.text.BilingualName;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The one parser of decimal numbers given by people and files (API fields, scheme and marks files, imports).
 *
 * <p>Input is refused, never reinterpreted: only the JSON number grammar in ASCII ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?
 * ([eE][+-]?[0-9]+)?}); no fullwidth {@code ５} or Arabic-Indic {@code ٥} digits, no surrounding spaces, no
 * {@code +}, {@code NaN} or {@code Infinity}. The size is capped before a {@link BigDecimal} is built and before any
 * arithmetic, so {@code 1e999999999} costs a few comparisons, not the heap: at most {@value #MAX_TEXT} characters,
 * {@value #MAX_DIGITS} significant digits, an exponent of at most {@value #MAX_EXPONENT_DIGITS} digits, at most
 * {@value #MAX_INTEGER_DIGITS} digits before the point and {@value #MAX_SCALE} after it. A negative scale
 * ({@code 1E+2}) is stored as the plain integer ({@code 100}); otherwise the written scale is kept (8.50 stays 8.50).
 */
public final class StrictDecimal {

    public static final int MAX_TEXT = 40;
    public static final int MAX_DIGITS = 20;
    public static final int MAX_EXPONENT_DIGITS = 3;
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_SCALE = 10;
    /** How much of a refused input an error message repeats. */
    public static final int ECHO = 24;

    /** A refused number, with the reason in Chinese and English; the input is never repeated in full. */
    public static final class Refused extends IllegalArgumentException implements Bilingual {
        private final BilingualName bilingualName;

        Refused(String zh, String en) {
            super(en);
            this.bilingualName = new BilingualName(zh, en);
        }

        public BilingualName bilingualName() {
            return bilingualName;
        }

        /** "zh / en", the form of the API's messages. */
        public String bilingual() {
            return zh() + " / " + en();
        }
    }

    private StrictDecimal() {
    }

    /** Parses text written by a person or a file. */
    public static BigDecimal parse(CharSequence text) {
        if (text == null) {
            throw new Refused("缺少数值", "the number is missing");
        }
        if (text.length() > MAX_TEXT) {
            throw new Refused("数值过长(最多 " + MAX_TEXT + " 个字符)",
                    "the number is too long (at most " + MAX_TEXT + " characters)");
        }
        int i = 0;
        int n = text.length();
        if (i < n && text.charAt(i) == '-') {
            i++;
        }
        int intStart = i;
        while (i < n && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && text.charAt(intStart) == '0')) {
            throw malformed(text);
        }
        int fractionDigits = 0;
        if (i < n && text.charAt(i) == '.') {
            i++;
            int fractionStart = i;
            while (i < n && isAsciiDigit(text.charAt(i))) {
                i++;
            }
            fractionDigits = i - fractionStart;
            if (fractionDigits == 0) {
                throw malformed(text);
            }
        }
        int exponent = 0;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            boolean negative = false;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                negative = text.charAt(i) == '-';
                i++;
            }
            int expStart = i;
            while (i < n && isAsciiDigit(text.charAt(i))) {
                i++;
            }
            int expDigits = i - expStart;
            if (expDigits == 0) {
                throw malformed(text);
            }
            // Leading zeros do not make an exponent large; the digits that count are capped.
            int first = expStart;
            while (first < i - 1 && text.charAt(first) == '0') {
                first++;
            }
            if (i - first > MAX_EXPONENT_DIGITS) {
                throw tooLarge();
            }
            exponent = Integer.parseInt(text.subSequence(first, i).toString());
            exponent = negative ? -exponent : exponent;
        }
        if (i != n) {
            throw malformed(text);
        }
        if (intDigits + fractionDigits > MAX_DIGITS) {
            throw new Refused("有效数字过多(最多 " + MAX_DIGITS + " 位)",
                    "too many digits (at most " + MAX_DIGITS + ")");
        }
        // Now the value is small enough to build: at most 20 digits and |exponent| ≤ 999.
        return bounded(new BigDecimal(text.toString()));
    }

    /**
     * Checks a number that arrived already parsed (a JSON number read as a {@code BigDecimal}, an {@code Integer}):
     * the same caps as {@link #parse}, without ever printing or expanding it.
     */
    public static BigDecimal of(Number number) {
        if (number == null) {
            throw new Refused("缺少数值", "the number is missing");
        }
        BigDecimal value;
        if (number instanceof BigDecimal decimal) {
            value = decimal;
        } else if (number instanceof BigInteger integer) {
            if (integer.bitLength() > 64) {
                throw tooLarge();
            }
            value = new BigDecimal(integer);
        } else if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte) {
            value = BigDecimal.valueOf(number.longValue());
        } else if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw tooLarge();
            }
            // Double.toString is short ASCII (at most 24 characters), and bounded below.
            return parse(Double.toString(d).replace("E", "e"));
        } else {
            return parse(number.toString());
        }
        if (value.precision() > MAX_DIGITS) {
            throw new Refused("有效数字过多(最多 " + MAX_DIGITS + " 位)",
                    "too many digits (at most " + MAX_DIGITS + ")");
        }
        return bounded(value);
    }

    /** Whether a value is within the caps, computed from precision and scale alone (no expansion). */
    public static boolean isBounded(BigDecimal value) {
        if (value == null) {
            return false;
        }
        long integerDigits = (long) value.precision() - value.scale();
        return value.scale() <= MAX_SCALE && integerDigits <= MAX_INTEGER_DIGITS;
    }

    private static BigDecimal bounded(BigDecimal value) {
        if (value.scale() > MAX_SCALE) {
            // "0.0" with many zeros and 1e-50 alike: finer than any mark or setting can be.
            throw new Refused("小数位过多(最多 " + MAX_SCALE + " 位)",
                    "too many decimal places (at most " + MAX_SCALE + ")");
        }
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw tooLarge();
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Refused tooLarge() {
        return new Refused("数值过大(整数部分最多 " + MAX_INTEGER_DIGITS + " 位)",
                "the number is too large (at most " + MAX_INTEGER_DIGITS + " digits before the point)");
    }

    private static Refused malformed(CharSequence text) {
        return new Refused("不是数值:" + echo(text) + "(只接受半角数字,如 8.5,前后不能有空格)",
                "not a number: " + echo(text) + " (only ASCII digits such as 8.5, no spaces around)");
    }

    /** A refused input as a message may repeat it: quoted, at most {@value #ECHO} characters, no control codes. */
    public static String echo(CharSequence text) {
        StringBuilder out = new StringBuilder("\"");
        int limit = Math.min(text.length(), ECHO);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '\uFFFD' : c);
        }
        out.append(text.length() > ECHO ? "…\"" : "\"");
        return out.toString();
    }
}
