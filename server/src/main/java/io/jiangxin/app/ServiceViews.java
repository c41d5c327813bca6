package io.jiangxin.app;

import io.jiangxin.service.Dashboard;
import io.jiangxin.service.Label;
import io.jiangxin.service.Matching;
import io.jiangxin.service.NeedKind;
import io.jiangxin.service.Reason;
import io.jiangxin.service.ServiceMode;
import io.jiangxin.service.Suggestion;
import io.jiangxin.service.Urgency;
import io.jiangxin.storage.ServiceStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Map;

/** JSON of the service platform: codes for programs, with the zh-CN / English label beside each for screens. */
public final class ServiceViews {

    private ServiceViews() {
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static JsonObject coded(String code, Label label) {
        return new JsonObject().put("code", code).put("label", label.label());
    }

    public static JsonObject platform(ServiceStore.PlatformRow p, java.util.List<ServiceStore.ChainRow> chains,
                                      java.util.List<ServiceStore.TeamRow> teams) {
        JsonArray c = new JsonArray();
        chains.forEach(ch -> c.add(new JsonObject().put("id", ch.id()).put("name", ch.name())));
        JsonArray t = new JsonArray();
        teams.forEach(team -> t.add(new JsonObject().put("id", team.id()).put("name", team.name())
                .put("chainId", team.chainId()).put("region", team.region())));
        return new JsonObject().put("id", p.id()).put("name", p.name()).put("region", p.region())
                .put("unionOrganizationId", p.unionOrgId()).put("chains", c).put("teams", t);
    }

    public static JsonObject enterprise(ServiceStore.EnterpriseRow e) {
        return new JsonObject().put("organizationId", e.organizationId()).put("name", e.name())
                .put("platformId", e.platformId()).put("chainId", e.chainId()).put("chain", e.chain())
                .put("region", e.region()).put("contactName", e.contactName()).put("phone", e.phone());
    }

    public static JsonObject expert(ServiceStore.ExpertRow x) {
        return new JsonObject().put("personId", x.personId()).put("name", x.name())
                .put("organization", x.organization()).put("teamId", x.teamId()).put("team", x.team())
                .put("chainIds", new JsonArray(x.chainIds())).put("trades", new JsonArray(x.trades()))
                .put("specialties", new JsonArray(x.specialties())).put("honours", new JsonArray(x.honours()))
                .put("region", x.region()).put("available", x.available()).put("capacity", x.capacity())
                .put("load", x.load()).put("ratings", x.ratingCount())
                .put("satisfaction", x.ratingCount() == 0 ? null : BigDecimal.valueOf(x.ratingSum())
                        .divide(BigDecimal.valueOf(x.ratingCount()), 2, java.math.RoundingMode.HALF_UP).toPlainString());
    }

    public static JsonObject need(ServiceStore.NeedRow n) {
        return new JsonObject().put("id", n.id()).put("platformId", n.platformId())
                .put("organizationId", n.organizationId()).put("enterprise", n.enterprise()).put("title", n.title())
                .put("description", n.description()).put("chainId", n.chainId()).put("chain", n.chain())
                .put("kind", coded(n.kind(), NeedKind.valueOf(n.kind())))
                .put("mode", coded(n.mode(), ServiceMode.valueOf(n.mode())))
                .put("urgency", coded(n.urgency(), Urgency.valueOf(n.urgency())))
                .put("place", n.place()).put("attachments", n.attachments()).put("source", n.source())
                .put("state", coded(n.state().name(), n.state())).put("currentOrderId", n.currentOrder())
                .put("submittedOn", n.submittedOn().toString());
    }

    public static JsonObject order(ServiceStore.OrderRow o) {
        JsonObject json = new JsonObject().put("id", o.id()).put("needId", o.needId()).put("title", o.needTitle())
                .put("enterprise", o.enterprise()).put("organizationId", o.organizationId())
                .put("personId", o.personId()).put("craftsman", o.craftsman()).put("teamId", o.teamId())
                .put("team", o.team()).put("state", coded(o.state().name(), o.state())).put("revision", o.revision())
                .put("dispatchedOn", o.dispatchedOn().toString()).put("dueOn", o.dueOn().toString())
                .put("scheduledOn", o.scheduledOn() == null ? null : o.scheduledOn().toString())
                .put("casePublished", o.casePublished());
        if (o.servedOn() != null) {
            json.put("service", new JsonObject().put("servedOn", o.servedOn().toString()).put("hours", plain(o.hours()))
                    .put("mode", coded(o.mode(), ServiceMode.valueOf(o.mode())))
                    .put("workersTrained", o.workersTrained()).put("problemsSolved", o.problemsSolved())
                    .put("efficiency", o.efficiency()).put("moneySaved", plain(o.moneySaved()))
                    .put("summary", o.summary()).put("photos", o.photos()));
        }
        if (o.satisfaction() != null) {
            json.put("feedback", new JsonObject().put("satisfaction", o.satisfaction()).put("comment", o.comment())
                    .put("confirmedOn", o.confirmedOn().toString()));
        }
        return json;
    }

    /** A published case as the public sees it: the enterprise, what was done and its benefit; no people's data. */
    public static JsonObject publicCase(ServiceStore.OrderRow o) {
        return new JsonObject().put("id", o.id()).put("title", o.needTitle()).put("enterprise", o.enterprise())
                .put("craftsman", o.craftsman()).put("servedOn", o.servedOn().toString()).put("hours", plain(o.hours()))
                .put("mode", coded(o.mode(), ServiceMode.valueOf(o.mode())))
                .put("workersTrained", o.workersTrained()).put("problemsSolved", o.problemsSolved())
                .put("efficiency", o.efficiency()).put("moneySaved", plain(o.moneySaved())).put("summary", o.summary())
                .put("satisfaction", o.satisfaction());
    }

    public static JsonObject transition(ServiceStore.TransitionRow t) {
        return new JsonObject().put("orderId", t.orderId()).put("action", t.action()).put("from", t.from())
                .put("to", t.to()).put("by", t.actor()).put("role", t.role()).put("reason", t.reason())
                .put("at", t.at());
    }

    public static JsonObject suggestions(Matching.Result result) {
        JsonArray items = new JsonArray();
        for (Suggestion s : result.suggestions()) {
            JsonArray reasons = new JsonArray();
            for (Reason r : s.reasons()) {
                reasons.add(new JsonObject().put("code", r.code()).put("points", r.points())
                        .put("text", r.zh() + " / " + r.en()));
            }
            items.add(new JsonObject().put("rank", s.rank()).put("personId", s.candidate().personId())
                    .put("name", s.candidate().name()).put("region", s.candidate().region())
                    .put("teamId", s.candidate().teamId()).put("load", s.candidate().load())
                    .put("capacity", s.candidate().capacity()).put("score", s.score()).put("reasons", reasons));
        }
        return new JsonObject().put("items", items).put("considered", result.considered()).put("free", result.free())
                .put("inChainOnly", result.chainHadFreeCandidate())
                .put("note", result.chainHadFreeCandidate() ? "只推荐本产业链的空闲工匠 / only free craftsmen of the need's chain"
                        : "本产业链暂无空闲工匠，推荐其他空闲工匠 / nobody in the chain is free; other free craftsmen are suggested");
    }

    public static JsonObject dashboard(Dashboard d) {
        JsonArray byState = new JsonArray();
        d.needsByState().forEach((state, n) -> byState.add(new JsonObject().put("code", state.name())
                .put("label", state.label()).put("count", n)));
        JsonArray months = new JsonArray();
        d.months().forEach(m -> months.add(new JsonObject().put("month", m.month()).put("needs", m.needs())
                .put("services", m.services()).put("hours", plain(m.hours())).put("problemsSolved", m.problemsSolved())
                .put("workersTrained", m.workersTrained())));
        JsonArray overdue = new JsonArray();
        d.overdue().forEach(o -> overdue.add(new JsonObject().put("orderId", o.orderId()).put("needId", o.needId())
                .put("title", o.title()).put("enterprise", o.enterprise()).put("craftsman", o.craftsman())
                .put("state", coded(o.state().name(), o.state())).put("dueOn", o.dueOn().toString())
                .put("daysOverdue", o.daysOverdue())));
        Dashboard.Totals t = d.totals();
        return new JsonObject().put("year", d.year()).put("needsByState", byState)
                .put("needsByChain", counts(d.needsByChain())).put("needsByTeam", counts(d.needsByTeam()))
                .put("months", months)
                .put("totals", new JsonObject().put("needs", t.needs()).put("services", t.services())
                        .put("hours", plain(t.hours())).put("problemsSolved", t.problemsSolved())
                        .put("workersTrained", t.workersTrained()).put("moneySaved", plain(t.moneySaved()))
                        .put("ratings", t.ratings()).put("satisfaction", plain(t.satisfaction())))
                .put("overdue", overdue);
    }

    private static JsonArray counts(Map<String, Integer> counts) {
        JsonArray out = new JsonArray();
        counts.forEach((name, n) -> out.add(new JsonObject().put("name", name).put("count", n)));
        return out;
    }
}
