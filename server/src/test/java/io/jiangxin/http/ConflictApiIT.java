package io.jiangxin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ordinary conflicts answer 409 with a reason, not 500: the duplicates an organizer can cause by hand. */
class ConflictApiIT {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void aSecondJudgeOrArbiterAccountForThePersonIsAConflict() {
        Http http = server.organizer();
        long org = http.post("/api/organizations", new JsonObject().put("name", "冲突测试单位")).id();
        long person = http.post("/api/people", new JsonObject().put("name", "王强").put("employeeNo", "C001")
                .put("organizationId", org)).id();
        long contest = http.post("/api/contests", new JsonObject().put("name", "2026年冲突测试赛").put("kind", "SKILLS")
                .put("level", "CITY").put("contestClass", "FIRST").put("year", 2026).put("organizer", "潍坊市总工会")).id();
        String judges = "/api/contests/" + contest + "/judges";
        String arbiters = "/api/contests/" + contest + "/arbiters";
        Reply first = http.post(judges, new JsonObject().put("personId", person).put("displayName", "甲"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long accounts = server.database().queryLong("select count(*) from account");

        for (Reply again : List.of(http.post(judges, new JsonObject().put("personId", person).put("displayName", "乙")),
                http.post(arbiters, new JsonObject().put("personId", person).put("displayName", "丙")))) {
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            assertThat(again.json().getString("error")).isEqualTo("DUPLICATE_JUDGE");
            assertThat(again.json().getString("message")).contains("已有裁判或仲裁账号").contains("already has a judge");
        }
        assertThat(server.database().queryLong("select count(*) from account")).isEqualTo(accounts);
    }
}
