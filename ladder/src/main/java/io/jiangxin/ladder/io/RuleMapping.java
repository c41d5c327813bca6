package io.jiangxin.ladder.io;

import io.jiangxin.engine.io.NodeReader;
import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.SkillGrade;
import io.jiangxin.ladder.quota.QuotaPolicy;
import io.jiangxin.ladder.rules.AgeLimit;
import io.jiangxin.ladder.rules.AgeReference;
import io.jiangxin.ladder.rules.ApprenticesCertified;
import io.jiangxin.ladder.rules.DirectQualification;
import io.jiangxin.ladder.rules.MinimumPoints;
import io.jiangxin.ladder.rules.PromotionRule;
import io.jiangxin.ladder.rules.QualifyingResults;
import io.jiangxin.ladder.rules.Requirement;
import io.jiangxin.ladder.rules.RequirementType;
import io.jiangxin.ladder.rules.ResultBand;
import io.jiangxin.ladder.rules.TierHeld;
import io.jiangxin.ladder.rules.TierRef;
import io.jiangxin.ladder.rules.TradeLimit;
import io.jiangxin.ladder.tier.StepPolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The {@code promotionRules} section. */
final class RuleMapping {

    private RuleMapping() {
    }

    static PromotionRule rule(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        node.allow("id", "version", "effectiveFrom", "effectiveUntil", "ladder", "targetTier", "scheme", "stepPolicy",
                "requirements", "shortcuts", "quota");
        String id = node.text("id", true);
        Integer version = node.integer("version", true);
        LocalDate from = node.date("effectiveFrom", true);
        LocalDate until = node.date("effectiveUntil", false);
        String ladder = node.text("ladder", true);
        String target = node.text("targetTier", true);
        String scheme = node.text("scheme", false);
        StepPolicy step = node.enumValue("stepPolicy", StepPolicy.class, false);
        List<Requirement> requirements = node.list("requirements", false, RuleMapping::requirement);
        List<DirectQualification> shortcuts = node.list("shortcuts", false, RuleMapping::shortcut);
        NodeReader quotaNode = node.object("quota", false);
        QuotaPolicy quota = quotaNode == null ? null : quota(quotaNode);
        if (id == null || version == null || from == null || ladder == null || target == null) {
            return null;
        }
        return node.build(() -> new PromotionRule(id, version, from, until, ladder, target, scheme, step,
                requirements, shortcuts, quota));
    }

    private static Requirement requirement(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        RequirementType type = node.enumValue("type", RequirementType.class, true);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case MIN_POINTS -> {
                node.allow("type", "minimum", "windowYears");
                BigDecimal minimum = node.decimal("minimum", true);
                Integer window = positive(node, "windowYears", false);
                yield minimum == null ? null : new MinimumPoints(minimum, window);
            }
            case TIER_HELD -> {
                node.allow("type", "anyOf", "minYears");
                List<TierRef> anyOf = node.list("anyOf", false, RuleMapping::tierRef);
                Integer years = node.integer("minYears", true);
                if (years != null && years < 0) {
                    node.error(node.at("minYears"), "minYears 不能为负数", "minYears must not be negative");
                    yield null;
                }
                yield years == null ? null : new TierHeld(anyOf, years);
            }
            case QUALIFYING_RESULTS -> {
                node.allow("type", "minCount", "windowYears", "bands");
                Integer count = positive(node, "minCount", true);
                Integer window = positive(node, "windowYears", false);
                List<ResultBand> bands = node.list("bands", true, CommonMapping::resultBand);
                if (node.has("bands") && node.raw("bands").isArray() && node.raw("bands").isEmpty()) {
                    node.error(node.at("bands"), "至少需要一个成绩条件", "at least one band is needed");
                }
                yield count == null || bands.isEmpty() ? null : new QualifyingResults(count, window, bands);
            }
            case APPRENTICES_CERTIFIED -> {
                node.allow("type", "minCount", "grade");
                Integer count = positive(node, "minCount", true);
                SkillGrade grade = node.enumValue("grade", SkillGrade.class, true);
                yield count == null || grade == null ? null : new ApprenticesCertified(count, grade);
            }
            case AGE_LIMIT -> {
                node.allow("type", "minAge", "maxAge", "reference");
                Integer min = node.integer("minAge", false);
                Integer max = node.integer("maxAge", false);
                AgeReference reference = node.has("reference")
                        ? node.enumValue("reference", AgeReference.class, true) : AgeReference.AS_OF;
                if (min == null && max == null) {
                    node.error(node.path(), "须给出 minAge 或 maxAge", "minAge or maxAge is required");
                    yield null;
                }
                yield reference == null ? null : new AgeLimit(min, max, reference);
            }
            case TRADE_LIMIT -> {
                node.allow("type", "trades");
                List<String> trades = node.texts("trades", true);
                if (trades.isEmpty()) {
                    node.error(node.at("trades"), "至少列出一个工种", "list at least one trade");
                    yield null;
                }
                yield new TradeLimit(trades);
            }
            case NOT_YET_HELD, STEP -> {
                node.error(node.at("type"), type + " 为内置检查，无需配置", type + " is built in and not configured");
                yield null;
            }
        };
    }

    private static TierRef tierRef(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        node.allow("ladder", "tier");
        String ladder = node.text("ladder", true);
        String tier = node.text("tier", true);
        return ladder == null || tier == null ? null : new TierRef(ladder, tier);
    }

    private static DirectQualification shortcut(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        node.allow("id", "name", "band", "windowYears", "waives", "stepPolicy");
        String id = node.text("id", true);
        BilingualText name = CommonMapping.bilingual(node, "name", true);
        NodeReader bandNode = node.object("band", true);
        ResultBand band = bandNode == null ? null : CommonMapping.resultBand(bandNode);
        Integer window = positive(node, "windowYears", false);
        Set<RequirementType> waives = null;
        if (node.has("waives")) {
            List<String> names = node.texts("waives", true);
            Set<RequirementType> parsed = EnumSet.noneOf(RequirementType.class);
            for (int i = 0; i < names.size(); i++) {
                RequirementType type = node.enumOf(names.get(i), RequirementType.class, node.at("waives") + "[" + i + "]");
                if (type == RequirementType.NOT_YET_HELD || type == RequirementType.STEP) {
                    node.error(node.at("waives") + "[" + i + "]", type + " 不能免除（逐级请用 stepPolicy）",
                            type + " cannot be waived (use stepPolicy for skipping tiers)");
                } else if (type != null) {
                    parsed.add(type);
                }
            }
            waives = parsed;
        }
        StepPolicy step = node.enumValue("stepPolicy", StepPolicy.class, false);
        Set<RequirementType> finalWaives = waives;
        if (id == null || name == null || band == null) {
            return null;
        }
        return node.build(() -> new DirectQualification(id, name, band, window, finalWaives, step));
    }

    private static QuotaPolicy quota(NodeReader node) {
        node.allow("perYear", "perTrade", "perOrganization");
        Integer perYear = nonNegative(node, "perYear");
        Integer perTrade = nonNegative(node, "perTrade");
        Integer perOrganization = nonNegative(node, "perOrganization");
        return new QuotaPolicy(perYear, perTrade, perOrganization);
    }

    private static Integer positive(NodeReader node, String field, boolean required) {
        Integer value = node.integer(field, required);
        if (value != null && value < 1) {
            node.error(node.at(field), field + " 至少为 1", field + " must be at least 1");
            return null;
        }
        return value;
    }

    private static Integer nonNegative(NodeReader node, String field) {
        Integer value = node.integer(field, false);
        if (value != null && value < 0) {
            node.error(node.at(field), field + " 不能为负数", field + " must not be negative");
            return null;
        }
        return value;
    }
}
