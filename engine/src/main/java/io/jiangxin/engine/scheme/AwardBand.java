package io.jiangxin.engine.scheme;

/** An award such as 金牌 / Gold for places 1–1, or 优胜奖 / Merit for the top half after the medals. */
public record AwardBand(String code, String nameZh, String nameEn, AwardCriterion criterion) {
}
