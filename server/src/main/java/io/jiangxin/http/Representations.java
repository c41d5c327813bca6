package io.jiangxin.http;

import io.jiangxin.registry.ChineseIdNumber;
import io.jiangxin.registry.Contest;
import io.jiangxin.registry.Event;
import io.jiangxin.registry.Organization;
import io.jiangxin.registry.Person;
import io.jiangxin.registry.Registration;
import io.jiangxin.registry.Team;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON shape of each registry resource; enums travel as their names, with zh-CN labels beside. */
final class Representations {

    private Representations() {
    }

    static JsonObject organization(Organization o) {
        return new JsonObject().put("id", o.id()).put("name", o.name()).put("creditCode", o.creditCode())
                .put("region", o.region());
    }

    static JsonObject person(Person p) {
        return new JsonObject().put("id", p.id()).put("name", p.name()).put("employeeNo", p.employeeNo())
                .put("organizationId", p.organizationId()).put("trade", p.trade())
                .put("skillGrade", p.skillGrade() == null ? null : p.skillGrade().name())
                .put("skillGradeLabel", p.skillGrade() == null ? null : p.skillGrade().label())
                .put("idNumber", ChineseIdNumber.masked(p.idNumber()));
    }

    static JsonObject contest(Contest c) {
        return new JsonObject().put("id", c.id()).put("name", c.name()).put("kind", c.kind().name())
                .put("kindLabel", c.kind().label()).put("level", c.level().name())
                .put("levelLabel", c.level().label())
                .put("contestClass", c.contestClass() == null ? null : c.contestClass().name())
                .put("contestClassLabel", c.contestClass() == null ? null : c.contestClass().label())
                .put("year", c.year()).put("organizer", c.organizer());
    }

    static JsonObject event(Event e) {
        return new JsonObject().put("id", e.id()).put("contestId", e.contestId()).put("name", e.name())
                .put("trade", e.trade());
    }

    static JsonObject team(Team t) {
        return new JsonObject().put("id", t.id()).put("name", t.name()).put("organizationId", t.organizationId())
                .put("memberIds", new JsonArray(t.memberIds()));
    }

    static JsonObject registration(Registration r) {
        return new JsonObject().put("id", r.id()).put("eventId", r.eventId()).put("personId", r.personId())
                .put("teamId", r.teamId()).put("entryCode", r.entryCode()).put("station", r.station())
                .put("status", r.status().name()).put("statusLabel", r.status().label());
    }
}
