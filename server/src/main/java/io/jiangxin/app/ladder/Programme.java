package io.jiangxin.app.ladder;

import io.jiangxin.ladder.io.LadderConfig;
import io.jiangxin.ladder.posting.PointTables;
import io.jiangxin.ladder.rules.PromotionRule;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.workflow.WorkflowSettings;
import io.jiangxin.problem.Problem;
import io.jiangxin.storage.ladder.LadderConfigStore.ConfigRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A configuration version in force, parsed, with its ladders' organizations resolved to registry ids. */
public record Programme(ConfigRow row, LadderConfig config, Map<String, Ladder> ladders) {

    public String code() {
        return row.code();
    }

    /** The configuration's first point tables price every posting (documented in docs/ladder.md). */
    public PointTables tables() {
        return config.pointTables().isEmpty() ? null : config.pointTables().get(0);
    }

    public WorkflowSettings workflow() {
        return config.workflow() == null ? WorkflowSettings.DEFAULT : config.workflow();
    }

    public Ladder ladder(String ladderId) {
        Ladder ladder = ladders.get(ladderId);
        if (ladder == null) {
            throw Problem.notFound("梯队 / ladder", ladderId);
        }
        return ladder;
    }

    public Optional<PromotionRule> rule(String reference) {
        return config.rules().stream().filter(r -> r.reference().equals(reference)).findFirst();
    }

    /** Every ladder of these configurations by its id. */
    public static Map<String, Ladder> allLadders(List<Programme> all) {
        Map<String, Ladder> ladders = new HashMap<>();
        all.forEach(p -> ladders.putAll(p.ladders()));
        return ladders;
    }
}
