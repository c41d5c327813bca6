package io.jiangxin.ladder.io;

import io.jiangxin.engine.io.NodeReader;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.tier.LadderScope;
import io.jiangxin.ladder.tier.Tier;
import io.jiangxin.ladder.workflow.NominationState;
import io.jiangxin.ladder.workflow.WorkflowSettings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code ladders} and {@code workflow} sections. */
final class LadderMapping {

    private LadderMapping() {
    }

    static Ladder ladder(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        node.allow("id", "organization", "name", "scope", "tiers");
        String id = node.text("id", true);
        String organization = node.text("organization", false);
        String name = node.text("name", true);
        LadderScope scope = node.enumValue("scope", LadderScope.class, true);
        List<Tier> tiers = node.list("tiers", true, LadderMapping::tier);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            if (!codes.add(tiers.get(i).code())) {
                node.error(node.at("tiers") + "[" + i + "].code", "层级代码重复：" + tiers.get(i).code(),
                        "duplicate tier code " + tiers.get(i).code());
                return null;
            }
        }
        if (node.has("tiers") && node.raw("tiers").isArray() && node.raw("tiers").isEmpty()) {
            node.error(node.at("tiers"), "至少需要一个层级", "at least one tier is needed");
        }
        if (id == null || name == null || scope == null || tiers.isEmpty()) {
            return null;
        }
        return node.build(() -> new Ladder(id, organization, name, scope, tiers));
    }

    private static Tier tier(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        node.allow("code", "name");
        String code = node.text("code", true);
        String name = node.text("name", true);
        return code == null || name == null ? null : new Tier(code, name);
    }

    static WorkflowSettings workflow(NodeReader node) {
        node.allow("noticeDays", "siteVisit", "objectionReturnsTo");
        Integer days = node.integer("noticeDays", true);
        boolean siteVisit = node.bool("siteVisit", false);
        NominationState returnsTo = node.enumValue("objectionReturnsTo", NominationState.class, false);
        if (days == null) {
            return null;
        }
        return node.build(() -> new WorkflowSettings(days, siteVisit, returnsTo));
    }
}
