package io.jiangxin.engine.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The engine's own helpers stay cheap whatever number an API caller hands them. */
class DecimalsTest {

    @Test
    void plainSpellsOutOrdinaryNumbersAndShortensHugeOnes() {
        assertThat(Decimals.plain(new BigDecimal("8.50"))).isEqualTo("8.50");
        assertThat(Decimals.plain(new BigDecimal("1E+2"))).isEqualTo("100");
        BigDecimal third = BigDecimal.ONE.divide(new BigDecimal(3), Decimals.WORKING);
        assertThat(Decimals.plain(third)).isEqualTo(third.toPlainString());
        assertThat(Decimals.plain(new BigDecimal("1E+60"))).isEqualTo("1" + "0".repeat(60));
        long started = System.nanoTime();
        assertThat(Decimals.plain(new BigDecimal("1e999999999"))).isEqualTo("1E+999999999");
        assertThat(Decimals.plain(new BigDecimal("1e-999999999"))).isEqualTo("1E-999999999");
        assertThat(Decimals.plain(new BigDecimal("1e100000"))).hasSizeLessThan(30);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void multiplesOfAStepAreExactForAnySize() {
        assertThat(Decimals.isMultipleOf(new BigDecimal("7.5"), new BigDecimal("0.5"))).isTrue();
        assertThat(Decimals.isMultipleOf(new BigDecimal("7.50"), new BigDecimal("0.5"))).isTrue();
        assertThat(Decimals.isMultipleOf(new BigDecimal("7.3"), new BigDecimal("0.5"))).isFalse();
        assertThat(Decimals.isMultipleOf(new BigDecimal("0.75"), new BigDecimal("0.25"))).isTrue();
        assertThat(Decimals.isMultipleOf(new BigDecimal("0.7"), new BigDecimal("0.25"))).isFalse();
        assertThat(Decimals.isMultipleOf(new BigDecimal("9"), new BigDecimal("3"))).isTrue();
        assertThat(Decimals.isMultipleOf(new BigDecimal("10"), new BigDecimal("3"))).isFalse();
        assertThat(Decimals.isMultipleOf(new BigDecimal("-1.5"), new BigDecimal("0.5"))).isTrue();
        assertThat(Decimals.isMultipleOf(BigDecimal.ZERO, new BigDecimal("0.1"))).isTrue();
        long started = System.nanoTime();
        assertThat(Decimals.isMultipleOf(new BigDecimal("1e999999999"), new BigDecimal("0.5"))).isTrue();
        assertThat(Decimals.isMultipleOf(new BigDecimal("3e999999999"), new BigDecimal("7"))).isFalse();
        assertThat(Decimals.isMultipleOf(new BigDecimal("1e-999999999"), new BigDecimal("0.5"))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
}
