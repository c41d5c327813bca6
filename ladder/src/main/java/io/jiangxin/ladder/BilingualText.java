package io.jiangxin.ladder;

import java.util.Objects;

/**
 * A user-facing sentence in Chinese with its English alongside, e.g. {@code 积分 86 ≥ 80 / points 86 ≥ 80}.
 * Reasons and explanations are always built as this pair so the server never has to translate.
 */
public record BilingualText(String zh, String en) {

    public BilingualText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public static BilingualText of(String zh, String en) {
        return new BilingualText(zh, en);
    }

    /** Joins several texts with the Chinese and English list separators. */
    public static BilingualText join(java.util.List<BilingualText> parts) {
        return new BilingualText(
                String.join("；", parts.stream().map(BilingualText::zh).toList()),
                String.join("; ", parts.stream().map(BilingualText::en).toList()));
    }

    @Override
    public String toString() {
        return zh + " / " + en;
    }
}
