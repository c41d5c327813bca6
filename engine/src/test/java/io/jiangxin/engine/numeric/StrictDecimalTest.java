package io.jiangxin.engine.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one strict decimal parser: ASCII only, nothing trimmed, size capped before any arithmetic. */
class StrictDecimalTest {

    @Test
    void plainDecimalsKeepTheirWrittenScale() {
        assertThat(StrictDecimal.parse("8.50")).isEqualByComparingTo("8.5").hasScaleOf(2);
        assertThat(StrictDecimal.parse("0")).isEqualByComparingTo("0");
        assertThat(StrictDecimal.parse("-0.25")).isEqualByComparingTo("-0.25");
        assertThat(StrictDecimal.parse("1E+2")).isEqualTo(new BigDecimal("100"));
        assertThat(StrictDecimal.parse("25e-1")).isEqualTo(new BigDecimal("2.5"));
        assertThat(StrictDecimal.parse("999999999999999")).isEqualByComparingTo("999999999999999");
    }

    @Test
    void fullwidthArabicIndicAndOtherDigitsAreRefusedNotReinterpreted() {
        // new BigDecimal accepts every one of these as 5 (Character.digit); the strict parser refuses them.
        for (String text : new String[] {"５", "٥", "۵", "५", "٥.٥", "8．5"}) {
            assertThat(new BigDecimal(text.replace("．", "."))).isNotNull();
            assertThatThrownBy(() -> StrictDecimal.parse(text)).as(text)
                    .isInstanceOf(StrictDecimal.Refused.class).hasMessageContaining("only ASCII digits");
        }
    }

    @Test
    void spacesSignsAndNonJsonFormsAreRefused() {
        for (String text : new String[] {" 5", "5 ", "\t5", "5\n", "+5", ".5", "5.", "05", "00.5", "1e", "1e+",
                "NaN", "Infinity", "-", "", "0x10", "1_000", "1,5", "5-"}) {
            assertThatThrownBy(() -> StrictDecimal.parse(text)).as("[" + text + "]")
                    .isInstanceOf(StrictDecimal.Refused.class);
        }
    }

    @Test
    void hugeExponentsAreRefusedAtOnceWithAShortMessage() {
        long started = System.nanoTime();
        for (String text : new String[] {"1e999999999", "1E+2147483647", "1e-999999999", "1e100000", "1e16",
                "1e-11", "9".repeat(21), "0." + "0".repeat(30) + "1", "1" + "0".repeat(60), "1e0000000000000000000016"}) {
            assertThatThrownBy(() -> StrictDecimal.parse(text)).as(text)
                    .isInstanceOf(StrictDecimal.Refused.class)
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void theEchoOfARefusedInputIsTruncated() {
        String long40 = "x".repeat(39);
        assertThatThrownBy(() -> StrictDecimal.parse(long40)).hasMessageContaining("\"" + "x".repeat(24) + "…\"");
        assertThat(StrictDecimal.echo("\ud800abc")).isEqualTo("\"\uFFFDabc\"");
    }

    @Test
    void alreadyParsedNumbersMeetTheSameCaps() {
        assertThat(StrictDecimal.of(7)).isEqualByComparingTo("7");
        assertThat(StrictDecimal.of(8.5d)).isEqualByComparingTo("8.5");
        assertThat(StrictDecimal.of(new BigDecimal("8.50"))).hasScaleOf(2);
        assertThatThrownBy(() -> StrictDecimal.of(new BigDecimal("1e999999999"))).isInstanceOf(StrictDecimal.Refused.class);
        assertThatThrownBy(() -> StrictDecimal.of(Double.POSITIVE_INFINITY)).isInstanceOf(StrictDecimal.Refused.class);
        assertThatThrownBy(() -> StrictDecimal.of(Double.NaN)).isInstanceOf(StrictDecimal.Refused.class);
        assertThatThrownBy(() -> StrictDecimal.of(new java.math.BigInteger("9".repeat(30))))
                .isInstanceOf(StrictDecimal.Refused.class);
        assertThatThrownBy(() -> StrictDecimal.of(new BigDecimal("1." + "1".repeat(25))))
                .isInstanceOf(StrictDecimal.Refused.class);
    }
}
