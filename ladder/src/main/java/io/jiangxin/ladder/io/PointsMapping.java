package io.jiangxin.ladder.io;

import io.jiangxin.engine.io.NodeReader;
import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.SkillGrade;
import io.jiangxin.ladder.points.CategoryRule;
import io.jiangxin.ladder.points.EvidenceKind;
import io.jiangxin.ladder.points.PointsScheme;
import io.jiangxin.ladder.posting.ContestPointRow;
import io.jiangxin.ladder.posting.ContestPointTable;
import io.jiangxin.ladder.posting.FixedPointRow;
import io.jiangxin.ladder.posting.HoursPointTable;
import io.jiangxin.ladder.posting.MentoringPointTable;
import io.jiangxin.ladder.posting.MilestonePoints;
import io.jiangxin.ladder.posting.PointTables;

import java.math.BigDecimal;
import java.util.List;

/** The {@code pointsSchemes} and {@code pointTables} sections. */
final class PointsMapping {

    private PointsMapping() {
    }

    static PointsScheme scheme(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        node.allow("id", "version", "name", "totalCap", "categories");
        String id = node.text("id", true);
        Integer version = node.integer("version", true);
        BilingualText name = CommonMapping.bilingual(node, "name", true);
        BigDecimal totalCap = nonNegative(node, "totalCap", false);
        List<CategoryRule> categories = node.list("categories", true, PointsMapping::category);
        if (id == null || version == null || name == null) {
            return null;
        }
        return node.build(() -> new PointsScheme(id, version, name, categories, totalCap));
    }

    private static CategoryRule category(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        node.allow("code", "name", "cap", "highestOnly", "windowYears");
        String code = node.text("code", true);
        BilingualText name = CommonMapping.bilingual(node, "name", true);
        BigDecimal cap = nonNegative(node, "cap", false);
        boolean highestOnly = node.bool("highestOnly", false);
        Integer window = node.integer("windowYears", false);
        if (window != null && window < 1) {
            node.error(node.at("windowYears"), "windowYears 至少为 1", "windowYears must be at least 1");
            return null;
        }
        return code == null || name == null ? null : node.build(() -> new CategoryRule(code, name, cap, highestOnly, window));
    }

    static PointTables tables(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        node.allow("id", "contest", "hours", "mentoring", "fixed");
        String id = node.text("id", true);
        NodeReader contestNode = node.object("contest", false);
        ContestPointTable contest = contestNode == null ? null : contest(contestNode);
        NodeReader hoursNode = node.object("hours", false);
        HoursPointTable hours = hoursNode == null ? null : hours(hoursNode);
        NodeReader mentoringNode = node.object("mentoring", false);
        MentoringPointTable mentoring = mentoringNode == null ? null : mentoring(mentoringNode);
        List<FixedPointRow> fixed = node.list("fixed", false, PointsMapping::fixed);
        return id == null ? null : new PointTables(id, contest, hours, mentoring, fixed);
    }

    private static ContestPointTable contest(NodeReader node) {
        node.allow("category", "rows");
        String category = node.text("category", true);
        List<ContestPointRow> rows = node.list("rows", true, PointsMapping::contestRow);
        return category == null ? null : node.build(() -> new ContestPointTable(category, rows));
    }

    private static ContestPointRow contestRow(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        node.allow("level", "class", "ranks", "award", "points");
        Level level = node.enumValue("level", Level.class, true);
        ContestClass contestClass = node.enumValue("class", ContestClass.class, false);
        String award = node.text("award", false);
        // A row prices either a rank band or an award (the scheme's band code, e.g. FIRST for 一等奖).
        int[] ranks = award == null ? CommonMapping.ranks(node, "ranks") : null;
        if (award != null && node.has("ranks")) {
            node.error(node.at("ranks"), "按奖项计分的行不写名次", "an award row has no ranks");
        }
        BigDecimal points = nonNegative(node, "points", true);
        if (level == null || (award == null && ranks == null) || points == null) {
            return null;
        }
        return award != null ? ContestPointRow.forAward(level, contestClass, award, points)
                : new ContestPointRow(level, contestClass, ranks[0], ranks[1], points);
    }

    private static HoursPointTable hours(NodeReader node) {
        node.allow("category", "hoursPerUnit", "pointsPerUnit", "wholeUnitsOnly");
        String category = node.text("category", true);
        BigDecimal hoursPerUnit = node.decimal("hoursPerUnit", true);
        BigDecimal pointsPerUnit = nonNegative(node, "pointsPerUnit", true);
        boolean whole = node.bool("wholeUnitsOnly", true);
        if (category == null || hoursPerUnit == null || pointsPerUnit == null) {
            return null;
        }
        return node.build(() -> new HoursPointTable(category, hoursPerUnit, pointsPerUnit, whole));
    }

    private static MentoringPointTable mentoring(NodeReader node) {
        node.allow("category", "forMentoring", "perExtraApprentice", "maxExtraApprentices", "milestones");
        String category = node.text("category", true);
        BigDecimal base = nonNegative(node, "forMentoring", true);
        BigDecimal extra = nonNegative(node, "perExtraApprentice", true);
        Integer maxExtra = node.integer("maxExtraApprentices", true);
        List<MilestonePoints> milestones = node.list("milestones", false, PointsMapping::milestone);
        if (category == null || base == null || extra == null || maxExtra == null) {
            return null;
        }
        return node.build(() -> new MentoringPointTable(category, base, extra, maxExtra, milestones));
    }

    private static MilestonePoints milestone(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        node.allow("grade", "honourLevel", "points");
        SkillGrade grade = node.enumValue("grade", SkillGrade.class, false);
        Level level = node.enumValue("honourLevel", Level.class, false);
        BigDecimal points = nonNegative(node, "points", true);
        if ((grade == null) == (level == null)) {
            node.error(node.path(), "须且只须给出 grade 或 honourLevel 之一", "exactly one of grade or honourLevel is required");
            return null;
        }
        return points == null ? null : new MilestonePoints(grade, level, points);
    }

    private static FixedPointRow fixed(NodeReader node) {
        if (!node.isObject()) {
            return null;
        }
        node.allow("kind", "qualifier", "category", "points");
        EvidenceKind kind = node.enumValue("kind", EvidenceKind.class, true);
        String qualifier = node.text("qualifier", true);
        String category = node.text("category", true);
        BigDecimal points = nonNegative(node, "points", true);
        if (kind == EvidenceKind.CONTEST_RESULT || kind == EvidenceKind.MENTORING || kind == EvidenceKind.TRAINING_HOURS) {
            node.error(node.at("kind"), kind + " 由专门的积分表定价", kind + " is priced by its own table");
            return null;
        }
        if (kind == null || qualifier == null || category == null || points == null) {
            return null;
        }
        return new FixedPointRow(kind, qualifier, category, points);
    }

    private static BigDecimal nonNegative(NodeReader node, String field, boolean required) {
        BigDecimal value = node.decimal(field, required);
        if (value != null && value.signum() < 0) {
            node.error(node.at(field), field + " 不能为负数", field + " must not be negative");
            return null;
        }
        return value;
    }
}
