package io.jiangxin.ladder.io;

import io.jiangxin.ladder.points.PointsScheme;
import io.jiangxin.ladder.posting.PointTables;
import io.jiangxin.ladder.rules.PromotionRule;
import io.jiangxin.ladder.rules.RuleBook;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.workflow.WorkflowSettings;

import java.util.List;
import java.util.Optional;

/**
 * One configuration file's content: ladders, points schemes, point tables, promotion rules and the review
 * workflow settings. Every section is optional; a file may hold just a points scheme.
 */
public record LadderConfig(List<Ladder> ladders, List<PointsScheme> schemes, List<PointTables> pointTables,
                           List<PromotionRule> rules, WorkflowSettings workflow) {

    public LadderConfig {
        ladders = List.copyOf(ladders);
        schemes = List.copyOf(schemes);
        pointTables = List.copyOf(pointTables);
        rules = List.copyOf(rules);
    }

    public Optional<Ladder> ladder(String ladderId) {
        return ladders.stream().filter(l -> l.ladderId().equals(ladderId)).findFirst();
    }

    public Optional<PointsScheme> scheme(String schemeId) {
        return schemes.stream().filter(s -> s.schemeId().equals(schemeId)).findFirst();
    }

    public Optional<PointTables> tables(String tablesId) {
        return pointTables.stream().filter(t -> t.tablesId().equals(tablesId)).findFirst();
    }

    public RuleBook ruleBook() {
        return new RuleBook(rules);
    }
}
