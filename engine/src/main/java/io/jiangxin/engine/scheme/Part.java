package io.jiangxin.engine.scheme;

import java.math.BigDecimal;
import java.util.List;

/**
 * A part of the contest (理论, 实操, 技术答辩 ...), scored out of its own {@code maximum}, normalised to 100
 * and then weighted.
 *
 * @param maximum  must equal the sum of its aspects' maxima
 * @param weight   percentage of the total; the parts' weights add up to 100
 * @param passMark optional pass mark on the part's normalised 0–100 score, or {@code null}
 */
public record Part(String id, String nameZh, String nameEn, BigDecimal maximum, BigDecimal weight,
                   BigDecimal passMark, List<SchemeModule> modules) {

    public Part {
        modules = List.copyOf(modules);
    }
}
