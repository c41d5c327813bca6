package io.jiangxin.engine.text;

import java.util.Objects;

/** What a person reads for a value: its zh-CN name with the English alongside. */
public record BilingualName(String zh, String en) {

    public BilingualName {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }
}
