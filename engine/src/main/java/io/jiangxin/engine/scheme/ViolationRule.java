package io.jiangxin.engine.scheme;

import java.math.BigDecimal;

/**
 * A kind of violation an organizer configures, e.g. "safety violation, −5 each from 安全文明生产" or
 * "damaging equipment: −5 each, disqualified from the 2nd".
 *
 * @param deductionEach   points deducted per occurrence from {@code deductFrom} (0 for none)
 * @param deductFrom      a {@link AspectType#DEDUCTION} aspect, required when {@code deductionEach > 0}
 * @param effect          what happens once the count reaches {@code effectFromCount}
 * @param effectModule    module id for {@link ViolationEffect#ZERO_MODULE}, otherwise {@code null}
 * @param effectFromCount the occurrence count from which the effect applies (1 = first time)
 */
public record ViolationRule(String code, String nameZh, String nameEn, BigDecimal deductionEach, String deductFrom,
                            ViolationEffect effect, String effectModule, int effectFromCount) {
}
