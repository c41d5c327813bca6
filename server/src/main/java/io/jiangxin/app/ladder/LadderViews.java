package io.jiangxin.app.ladder;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.Points;
import io.jiangxin.ladder.points.CategoryStanding;
import io.jiangxin.ladder.points.EntryVerdict;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.points.Standing;
import io.jiangxin.ladder.proposal.Proposal;
import io.jiangxin.ladder.proposal.ProposalList;
import io.jiangxin.ladder.quota.QuotaSlot;
import io.jiangxin.ladder.rules.DirectQualification;
import io.jiangxin.ladder.rules.Eligibility;
import io.jiangxin.ladder.rules.PromotionRule;
import io.jiangxin.ladder.rules.RequirementCheck;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.storage.ladder.CourseStore;
import io.jiangxin.storage.ladder.EvidenceJson;
import io.jiangxin.storage.ladder.EvidenceStore;
import io.jiangxin.storage.ladder.LadderConfigStore;
import io.jiangxin.storage.ladder.MentorshipStore;
import io.jiangxin.storage.ladder.NominationStore;
import io.jiangxin.storage.ladder.ResultFactStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The ladder's JSON representations: every reason is {@code {zh, en}}, points are exact decimal strings. */
public final class LadderViews {

    private LadderViews() {
    }

    public static JsonObject text(BilingualText text) {
        return text == null ? null : new JsonObject().put("zh", text.zh()).put("en", text.en());
    }

    static String points(BigDecimal value) {
        return value == null ? null : Points.format(value);
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String time(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(LadderCalendar.ZONE).toOffsetDateTime().toString();
    }

    public static JsonObject ladder(Ladder ladder, LadderConfigStore.LadderRow row, boolean publicRoster) {
        JsonArray tiers = new JsonArray();
        ladder.tiers().forEach(t -> tiers.add(new JsonObject().put("code", t.code()).put("name", t.name())));
        return new JsonObject().put("ladderId", ladder.ladderId()).put("name", ladder.name())
                .put("organizationId", row.organizationId()).put("scope", ladder.scope().name())
                .put("config", row.configCode()).put("publicRoster", publicRoster).put("tiers", tiers);
    }

    public static JsonObject rule(PromotionRule rule) {
        JsonArray requirements = new JsonArray();
        rule.requirements().forEach(r -> requirements.add(new JsonObject().put("type", r.type().name())
                .put("definition", String.valueOf(r))));
        JsonArray shortcuts = new JsonArray();
        for (DirectQualification s : rule.shortcuts()) {
            shortcuts.add(new JsonObject().put("id", s.shortcutId()).put("name", text(s.name()))
                    .put("band", text(s.band().describe())).put("windowYears", s.windowYears())
                    .put("waives", new JsonArray(s.waives().stream().map(Enum::name).sorted().toList()))
                    .put("stepPolicy", s.stepPolicy().name()));
        }
        return new JsonObject().put("reference", rule.reference()).put("ruleId", rule.ruleId())
                .put("version", rule.version()).put("effectiveFrom", date(rule.effectiveFrom()))
                .put("effectiveUntil", date(rule.effectiveUntil())).put("targetTier", rule.targetTier())
                .put("scheme", rule.schemeId()).put("stepPolicy", rule.stepPolicy().name())
                .put("requirements", requirements).put("shortcuts", shortcuts)
                .put("quota", new JsonObject().put("perYear", rule.quota().perYear())
                        .put("perTrade", rule.quota().perTrade()).put("perOrganization", rule.quota().perOrganization()));
    }

    public static JsonObject entry(LedgerEntry e) {
        return new JsonObject().put("sourceKey", e.sourceKey()).put("personId", Long.parseLong(e.personId()))
                .put("category", e.category()).put("points", points(e.points()))
                .put("effectiveOn", date(e.effectiveOn())).put("recordedOn", date(e.recordedOn()))
                .put("evidence", EvidenceJson.write(e.evidence())).put("reverses", e.reverses())
                .put("note", text(e.note()));
    }

    public static JsonObject standing(Standing s) {
        JsonArray categories = new JsonArray();
        for (CategoryStanding c : s.categories()) {
            JsonArray verdicts = new JsonArray();
            c.verdicts().forEach(v -> verdicts.add(verdict(v)));
            categories.add(new JsonObject().put("category", c.category()).put("name", text(c.name()))
                    .put("raw", points(c.raw())).put("counted", points(c.counted())).put("cap", points(c.cap()))
                    .put("entries", verdicts));
        }
        JsonArray uncategorised = new JsonArray();
        s.uncategorised().forEach(v -> uncategorised.add(verdict(v)));
        return new JsonObject().put("scheme", s.schemeId()).put("schemeVersion", s.schemeVersion())
                .put("asOf", date(s.asOf())).put("total", points(s.total())).put("subtotal", points(s.subtotal()))
                .put("totalNote", text(s.totalNote())).put("categories", categories)
                .put("uncategorised", uncategorised);
    }

    private static JsonObject verdict(EntryVerdict v) {
        return new JsonObject().put("sourceKey", v.entry().sourceKey()).put("points", points(v.entry().points()))
                .put("effectiveOn", date(v.entry().effectiveOn())).put("kind", v.kind().name())
                .put("counted", points(v.counted())).put("reason", text(v.reason()));
    }

    public static JsonObject check(RequirementCheck c) {
        return new JsonObject().put("type", c.type().name()).put("status", c.status().name())
                .put("reason", text(c.reason())).put("evidence", new JsonArray(c.evidence()))
                .put("metOn", date(c.metOn()));
    }

    public static JsonObject eligibility(Eligibility e) {
        JsonArray checks = new JsonArray();
        e.checks().forEach(c -> checks.add(check(c)));
        return new JsonObject().put("rule", e.ruleReference()).put("route", e.route().name())
                .put("shortcut", e.shortcut() == null ? null : new JsonObject().put("id", e.shortcut().shortcutId())
                        .put("name", text(e.shortcut().name())))
                .put("points", points(e.points())).put("qualifyingDate", date(e.qualifyingDate()))
                .put("checks", checks).put("evidence", new JsonArray(e.evidence()));
    }

    public static JsonObject slot(QuotaSlot slot) {
        if (slot == null) {
            return null;
        }
        return new JsonObject().put("year", slot.year()).put("yearSlot", slot.yearSlot()).put("yearLimit", slot.yearLimit())
                .put("trade", slot.trade()).put("tradeSlot", slot.tradeSlot()).put("tradeLimit", slot.tradeLimit())
                .put("organizationSlot", slot.organizationSlot()).put("organizationLimit", slot.organizationLimit())
                .put("label", text(slot.label()));
    }

    public static JsonObject proposal(Proposal p, Map<String, JsonObject> nominations) {
        return new JsonObject().put("position", p.position()).put("personId", Long.parseLong(p.personId()))
                .put("name", p.name()).put("trade", p.trade())
                .put("organizationId", p.organizationId() == null ? null : Long.parseLong(p.organizationId()))
                .put("status", p.status().name()).put("summary", text(p.summary()))
                .put("eligibility", eligibility(p.eligibility())).put("slot", slot(p.slot()))
                .put("nomination", nominations.get(p.personId()));
    }

    public static JsonObject proposals(ProposalList list, Map<String, JsonObject> nominations) {
        JsonArray items = new JsonArray();
        list.proposals().forEach(p -> items.add(proposal(p, nominations)));
        return new JsonObject().put("ladderId", list.ladderId()).put("tier", list.targetTier())
                .put("tierName", list.tierName()).put("year", list.year()).put("asOf", date(list.asOf()))
                .put("rule", list.ruleReference()).put("items", items);
    }

    public static JsonObject decision(NominationStore.DecisionRow d) {
        return new JsonObject().put("seq", d.seq()).put("action", d.action()).put("from", d.fromState())
                .put("to", d.toState()).put("byAccount", d.byAccount()).put("by", withoutAccountId(d.byName())).put("at", time(d.at()))
                .put("why", d.why()).put("note", new JsonObject().put("zh", d.noteZh()).put("en", d.noteEn()));
    }

    public static JsonObject objection(NominationStore.ObjectionRow o) {
        return new JsonObject().put("objectionId", o.objectionId()).put("filedBy", withoutAccountId(o.filedBy()))
                .put("filedAt", time(o.filedAt())).put("statement", o.statement()).put("ruling", o.ruling())
                .put("ruledBy", o.ruledBy()).put("ruledAt", time(o.ruledAt())).put("rulingWhy", o.rulingWhy());
    }

    public static JsonObject nomination(NominationStore.NominationRow n, String personName,
                                        List<NominationStore.DecisionRow> decisions,
                                        List<NominationStore.ObjectionRow> objections) {
        JsonArray ds = new JsonArray();
        decisions.forEach(d -> ds.add(decision(d)));
        JsonArray os = new JsonArray();
        objections.forEach(o -> os.add(objection(o)));
        return new JsonObject().put("id", n.id()).put("config", n.configCode()).put("ladderId", n.ladderId())
                .put("tier", n.tierCode()).put("year", n.year()).put("personId", n.personId()).put("name", personName)
                .put("trade", n.trade()).put("organizationId", n.organizationId()).put("rule", n.ruleReference())
                .put("route", n.route()).put("state", n.state())
                .put("notice", n.noticeOpensAt() == null ? null : new JsonObject().put("opensAt", time(n.noticeOpensAt()))
                        .put("closesAt", time(n.noticeClosesAt())))
                .put("explanation", n.explanation()).put("decisions", ds).put("objections", os);
    }

    public static JsonObject result(ResultFactStore.ResultRow r) {
        return new JsonObject().put("eventRef", r.eventKey()).put("eventId", r.eventId()).put("eventName", r.eventName())
                .put("trade", r.trade()).put("level", r.level().name()).put("contestClass", r.contestClass().name())
                .put("rank", r.rank()).put("award", r.award()).put("heldOn", date(r.heldOn()))
                .put("signedOffOn", date(r.signedOffOn())).put("revision", r.revision()).put("source", r.source())
                .put("withdrawn", r.rank() == null);
    }

    /** A training assessment revision (培训考核), for the organizer's view of a worker only. */
    public static JsonObject assessment(ResultFactStore.AssessmentRow a) {
        return new JsonObject().put("eventRef", a.eventKey()).put("eventId", a.eventId()).put("eventName", a.eventName())
                .put("total", a.total() == null ? null : a.total().stripTrailingZeros().toPlainString())
                .put("passed", a.passed()).put("rank", a.rank()).put("heldOn", date(a.heldOn()))
                .put("signedOffOn", date(a.signedOffOn())).put("revision", a.revision())
                .put("withdrawn", a.rank() == null);
    }

    public static JsonObject evidence(EvidenceStore.EvidenceRow e) {
        return new JsonObject().put("id", e.id()).put("personId", e.personId()).put("kind", e.kind())
                .put("reference", e.reference()).put("qualifier", e.qualifier()).put("title", e.title())
                .put("level", e.level()).put("grade", e.grade())
                .put("hours", e.hours() == null ? null : e.hours().stripTrailingZeros().toPlainString())
                .put("effectiveOn", date(e.effectiveOn())).put("recordedOn", date(e.recordedOn()));
    }

    public static JsonObject course(CourseStore.CourseRow c) {
        return new JsonObject().put("id", c.id()).put("organizationId", c.organizationId()).put("code", c.code())
                .put("name", c.name()).put("hours", c.hours().stripTrailingZeros().toPlainString())
                .put("heldOn", date(c.heldOn()));
    }

    public static JsonObject attendance(CourseStore.AttendanceRow a) {
        return new JsonObject().put("courseId", a.courseId()).put("courseCode", a.courseCode())
                .put("courseName", a.courseName()).put("personId", a.personId())
                .put("hours", a.hours().stripTrailingZeros().toPlainString()).put("assessment", a.assessment())
                .put("heldOn", date(a.heldOn()));
    }

    public static JsonObject mentorship(MentorshipStore.MentorshipRow m, Map<Long, String> names, LocalDate asOf,
                                        io.jiangxin.ladder.mentoring.Mentorship domain) {
        JsonArray progress = new JsonArray();
        m.progress().forEach(p -> progress.add(new JsonObject().put("id", p.id()).put("kind", p.kind())
                .put("date", date(p.date())).put("grade", p.grade()).put("honourLevel", p.honourLevel())
                .put("description", p.description()).put("evidenceRef", p.evidenceRef())));
        JsonArray goals = new JsonArray();
        domain.goals().forEach(g -> goals.add(new JsonObject().put("goalId", g.goalId()).put("description", g.description())
                .put("targetGrade", g.targetGrade() == null ? null : g.targetGrade().name())
                .put("dueBy", date(g.dueBy())).put("status", domain.goalStatus(g, asOf).name())));
        return new JsonObject().put("id", m.id()).put("mentorId", m.mentorId()).put("mentor", names.get(m.mentorId()))
                .put("apprenticeId", m.apprenticeId()).put("apprentice", names.get(m.apprenticeId()))
                .put("startedOn", date(m.startedOn())).put("endedOn", date(m.endedOn()))
                .put("active", domain.activeOn(asOf)).put("goals", goals).put("progress", progress);
    }

    /** Decisions recorded before names alone were kept read "张三 (#12)": the id is not for the page. */
    static String withoutAccountId(String name) {
        return name == null ? null : name.replaceFirst(" \\(#\\d+\\)$", "");
    }
}
