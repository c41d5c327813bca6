package io.jiangxin.ladder.io;

import io.jiangxin.engine.io.NodeReader;
import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.rules.ResultBand;

/** Small shapes shared by several sections: bilingual names, rank bands, result bands. */
final class CommonMapping {

    private CommonMapping() {
    }

    /** {@code {zh: 竞赛成绩, en: competition results}}, or a plain string used for both. */
    static BilingualText bilingual(NodeReader parent, String field, boolean required) {
        if (parent.has(field) && parent.raw(field).isTextual()) {
            String text = parent.raw(field).asText();
            return BilingualText.of(text, text);
        }
        NodeReader node = parent.object(field, required);
        if (node == null) {
            return null;
        }
        node.allow("zh", "en");
        String zh = node.text("zh", true);
        String en = node.text("en", true);
        return zh == null || en == null ? null : BilingualText.of(zh, en);
    }

    /** {@code ranks: 1-3} or {@code ranks: 1}; returns {from, to} or null. */
    static int[] ranks(NodeReader node, String field) {
        String text = node.text(field, true);
        if (text == null) {
            return null;
        }
        String[] parts = text.trim().split("\\s*-\\s*");
        try {
            int from = Integer.parseInt(parts[0]);
            int to = parts.length == 2 ? Integer.parseInt(parts[1]) : from;
            if (parts.length > 2 || from < 1 || to < from) {
                throw new NumberFormatException();
            }
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            node.error(node.at(field), "名次区间应为 N 或 N-M（1 起）：" + text, "a rank band is N or N-M (from 1): " + text);
            return null;
        }
    }

    static ResultBand resultBand(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        node.allow("level", "class", "bestRank", "award");
        Level level = node.enumValue("level", Level.class, true);
        ContestClass contestClass = node.enumValue("class", ContestClass.class, false);
        Integer bestRank = node.integer("bestRank", false);
        String award = node.text("award", false);
        if (bestRank == null && award == null) {
            node.error(node.path(), "须给出 bestRank 或 award", "bestRank or award is required");
            return null;
        }
        if (bestRank != null && bestRank < 1) {
            node.error(node.at("bestRank"), "bestRank 至少为 1", "bestRank must be at least 1");
            return null;
        }
        return level == null ? null : node.build(() -> new ResultBand(level, contestClass, bestRank, award));
    }
}
