package io.jiangxin.engine.scheme;

import io.jiangxin.engine.numeric.Decimals;

import java.math.BigDecimal;
import java.util.List;

/** A module (模块) of a part: a group of aspects. Named SchemeModule to stay clear of {@link java.lang.Module}. */
public record SchemeModule(String id, String nameZh, String nameEn, List<Aspect> aspects) {

    public SchemeModule {
        aspects = List.copyOf(aspects);
    }

    /** The sum of the aspects' maxima. */
    public BigDecimal maximum() {
        return Decimals.sum(aspects.stream().map(Aspect::maximum).toList());
    }
}
