package io.jiangxin.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Poll;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Shared steps of the ladder's server tests: registry rows, configurations, reading a person's ledger, waiting for
 * asynchronous posting.
 */
final class LadderTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private LadderTests() {
    }

    static long organization(Http organizer, String name) {
        return created(organizer.post("/api/organizations", new JsonObject().put("name", name)));
    }

    static long person(Http organizer, long organization, String employeeNo, String name, String trade,
                       String idNumber) {
        JsonObject body = new JsonObject().put("name", name).put("employeeNo", employeeNo)
                .put("organizationId", organization).put("trade", trade);
        if (idNumber != null) {
            body.put("idNumber", idNumber);
        }
        return created(organizer.post("/api/people", body));
    }

    static JsonObject importConfig(Http organizer, String code, long organization, boolean publicRoster, String yaml) {
        Reply reply = organizer.post("/api/ladder-configs", new JsonObject().put("code", code)
                .put("organizationId", organization).put("publicRoster", publicRoster).put("yaml", yaml));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    /** One ladder of the contest's 甲厂 with a single tier, and 5 points for each passed training assessment. */
    static JsonObject importTrainingPoints(Http organizer, long organization, String contest) {
        return importConfig(organizer, "training-test", organization, false, """
                ladders:
                  - id: training-ladder
                    organization: %s甲厂
                    name: 培训测试梯队
                    scope: ENTERPRISE
                    tiers: [{code: SEED, name: 种子工匠}]
                pointsSchemes:
                  - id: training-points
                    version: 1
                    name: 培训积分
                    categories: [{code: TRAINING, name: 培训考核}]
                pointTables:
                  - id: training-tables
                    fixed:
                      - {kind: TRAINING_ASSESSMENT, qualifier: PASSED, category: TRAINING, points: 5}
                """.formatted(contest));
    }

    static JsonObject evidence(Http organizer, long person, String kind, String reference, String qualifier,
                               String effectiveOn) {
        Reply reply = organizer.post("/api/ladder/evidence", new JsonObject().put("personId", person).put("kind", kind)
                .put("reference", reference).put("qualifier", qualifier).put("effectiveOn", effectiveOn));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    static JsonObject result(Http organizer, long person, String eventRef, String level, String contestClass, int rank,
                             String award, String heldOn) {
        JsonObject body = new JsonObject().put("personId", person).put("eventRef", eventRef)
                .put("eventName", eventRef + " 赛项").put("level", level).put("rank", rank).put("heldOn", heldOn);
        if (contestClass != null) {
            body.put("contestClass", contestClass);
        }
        if (award != null) {
            body.put("award", award);
        }
        Reply reply = organizer.post("/api/ladder/results", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    /** A decision time that many hours before now, Shanghai local time, as the API takes it. */
    static String hoursAgo(long hours) {
        return LocalDateTime.now(SHANGHAI).minusHours(hours).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static JsonObject find(JsonArray items, String field, Object value) {
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.getJsonObject(i);
            if (String.valueOf(value).equals(String.valueOf(item.getValue(field)))) {
                return item;
            }
        }
        return null;
    }

    static long created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    /** A person's ledger entries in the first configuration of their page, as sorted "sourceKey=points". */
    static List<String> ledgerKeys(Http organizer, long person) {
        JsonArray points = organizer.get("/api/ladder/people/" + person).json().getJsonArray("points");
        if (points.isEmpty()) {
            return List.of();
        }
        return points.getJsonObject(0).getJsonArray("entries").stream()
                .map(e -> ((JsonObject) e).getString("sourceKey") + "=" + ((JsonObject) e).getString("points"))
                .sorted().collect(Collectors.toList());
    }

    /** A worker of the demo season's 潍柴动力 by employee number. */
    static long demoWorker(TestDatabase database, String employeeNo) {
        return database.queryLong("select p.id from person p join organization o on o.id = p.organization_id"
                + " where o.name = '潍柴动力股份有限公司' and p.employee_no = '" + employeeNo + "'");
    }

    /** Waits until the condition holds: posting after a sign-off runs after the sign-off's answer. */
    static void eventually(Supplier<Boolean> condition, String what) {
        Poll.until(Duration.ofSeconds(20), what, condition::get);
    }
}
