package io.jiangxin.ladder.io;

import io.jiangxin.ladder.points.CategoryRule;
import io.jiangxin.ladder.posting.PointTables;
import io.jiangxin.ladder.rules.PromotionRule;
import io.jiangxin.ladder.rules.Requirement;
import io.jiangxin.ladder.rules.TierHeld;
import io.jiangxin.ladder.rules.TierRef;
import io.jiangxin.ladder.tier.Ladder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-references inside one configuration: every rule names a known ladder, tier and scheme; every
 * {@code anyOf} tier exists; ids are unique; rule versions of one target do not overlap; every category a
 * point table posts to exists in some scheme of the file (when the file has schemes).
 */
final class ConfigValidator {

    private ConfigValidator() {
    }

    static List<ConfigError> validate(LadderConfig config) {
        List<ConfigError> errors = new ArrayList<>();
        unique(errors, "ladders", config.ladders().stream().map(Ladder::ladderId).toList());
        unique(errors, "pointsSchemes", config.schemes().stream().map(s -> s.schemeId() + " v" + s.version()).toList());
        unique(errors, "pointTables", config.pointTables().stream().map(PointTables::tablesId).toList());
        for (int i = 0; i < config.rules().size(); i++) {
            PromotionRule rule = config.rules().get(i);
            String path = "promotionRules[" + i + "]";
            Optional<Ladder> ladder = config.ladder(rule.ladderId());
            if (ladder.isEmpty()) {
                errors.add(new ConfigError(path + ".ladder", "未知阶梯 " + rule.ladderId(), "unknown ladder " + rule.ladderId()));
            } else if (ladder.get().tier(rule.targetTier()).isEmpty()) {
                errors.add(new ConfigError(path + ".targetTier", "阶梯 " + rule.ladderId() + " 无层级 " + rule.targetTier(),
                        "ladder " + rule.ladderId() + " has no tier " + rule.targetTier()));
            }
            if (rule.schemeId() != null && config.scheme(rule.schemeId()).isEmpty()) {
                errors.add(new ConfigError(path + ".scheme", "未知积分方案 " + rule.schemeId(), "unknown points scheme " + rule.schemeId()));
            }
            if (rule.schemeId() == null && rule.minimumPoints().isPresent()) {
                errors.add(new ConfigError(path + ".scheme", "MIN_POINTS 需要指定积分方案", "MIN_POINTS needs a points scheme"));
            }
            for (int r = 0; r < rule.requirements().size(); r++) {
                Requirement requirement = rule.requirements().get(r);
                if (requirement instanceof TierHeld held) {
                    for (int t = 0; t < held.anyOf().size(); t++) {
                        TierRef ref = held.anyOf().get(t);
                        boolean known = config.ladder(ref.ladderId()).flatMap(l -> l.tier(ref.tierCode())).isPresent();
                        if (!known) {
                            errors.add(new ConfigError(path + ".requirements[" + r + "].anyOf[" + t + "]",
                                    "未知层级 " + ref.ladderId() + "/" + ref.tierCode(),
                                    "unknown tier " + ref.ladderId() + "/" + ref.tierCode()));
                        }
                    }
                }
            }
        }
        try {
            config.ruleBook();
        } catch (IllegalArgumentException e) {
            errors.add(new ConfigError("promotionRules", "规则版本时间重叠：" + e.getMessage(), e.getMessage()));
        }
        if (!config.schemes().isEmpty()) {
            Set<String> categories = new HashSet<>();
            config.schemes().forEach(s -> s.categories().stream().map(CategoryRule::code).forEach(categories::add));
            for (int i = 0; i < config.pointTables().size(); i++) {
                PointTables tables = config.pointTables().get(i);
                String path = "pointTables[" + i + "]";
                check(errors, categories, path + ".contest.category", tables.contest() == null ? null : tables.contest().category());
                check(errors, categories, path + ".hours.category", tables.hours() == null ? null : tables.hours().category());
                check(errors, categories, path + ".mentoring.category", tables.mentoring() == null ? null : tables.mentoring().category());
                for (int f = 0; f < tables.fixed().size(); f++) {
                    check(errors, categories, path + ".fixed[" + f + "].category", tables.fixed().get(f).category());
                }
            }
        }
        return errors;
    }

    private static void check(List<ConfigError> errors, Set<String> categories, String path, String category) {
        if (category != null && !categories.contains(category)) {
            errors.add(new ConfigError(path, "积分方案中没有类别 " + category, "no points scheme has the category " + category));
        }
    }

    private static void unique(List<ConfigError> errors, String section, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                errors.add(new ConfigError(section + "[" + i + "].id", "重复的 id：" + ids.get(i), "duplicate id " + ids.get(i)));
            }
        }
    }

}
