package io.jiangxin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Round trips through the registry's REST API against a real PostgreSQL, and every class of bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryApiIT {

    private TestDatabase database;
    private JiangxinNode node;
    private Http http;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        http = new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE);
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private long organization(String name) {
        Reply reply = http.post("/api/organizations", new JsonObject().put("name", name).put("region", "潍坊市"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    private long person(long organizationId, String employeeNo) {
        Reply reply = http.post("/api/people", new JsonObject().put("name", "张伟").put("employeeNo", employeeNo)
                .put("organizationId", organizationId).put("trade", "焊工").put("skillGrade", "TECHNICIAN"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    private long contest(String name) {
        Reply reply = http.post("/api/contests", new JsonObject().put("name", name).put("kind", "SKILLS")
                .put("level", "CITY").put("contestClass", "FIRST").put("year", 2026).put("organizer", "潍坊市总工会"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    private long event(long contestId, String name) {
        Reply reply = http.post("/api/contests/" + contestId + "/events",
                new JsonObject().put("name", name).put("trade", name));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }

    @Nested
    class RoundTrips {

        @Test
        void organizationIsCreatedReadUpdatedAndListed() {
            long id = organization("潍柴动力股份有限公司");
            assertThat(http.get("/api/organizations/" + id).json().getString("name")).isEqualTo("潍柴动力股份有限公司");

            Reply updated = http.put("/api/organizations/" + id, new JsonObject().put("name", "潍柴动力股份有限公司")
                    .put("region", "潍坊市奎文区").put("creditCode", "913700007456893980"));
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            assertThat(http.get("/api/organizations/" + id).json().getString("region")).isEqualTo("潍坊市奎文区");

            JsonObject page = http.get("/api/organizations?q=" + java.net.URLEncoder.encode("潍柴",
                    java.nio.charset.StandardCharsets.UTF_8)).json();
            assertThat(page.getLong("total")).isEqualTo(1);
            assertThat(page.getJsonArray("items").getJsonObject(0).getLong("id")).isEqualTo(id);
        }

        @Test
        void personKeepsTheIdNumberButShowsItMasked() {
            long org = organization("歌尔股份有限公司");
            Reply created = http.post("/api/people", new JsonObject().put("name", "李娜").put("employeeNo", "G001")
                    .put("organizationId", org).put("idNumber", "11010519491231002X"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().getString("idNumber")).isEqualTo("110105********002X");

            Reply updated = http.put("/api/people/" + created.id(), new JsonObject().put("name", "李娜")
                    .put("employeeNo", "G001").put("organizationId", org).put("skillGrade", "SENIOR_TECHNICIAN"));
            assertThat(updated.json().getString("skillGradeLabel")).isEqualTo("高级技师");
            assertThat(http.get("/api/people?organizationId=" + org).json().getLong("total")).isEqualTo(1);
        }

        @Test
        void contestHoldsEventsAndRegistrationsGetSequentialEntryCodes() {
            long org = organization("盛瑞传动股份有限公司");
            long contest = contest("2026年潍坊市职工职业技能大赛（焊工）");
            long event = event(contest, "焊工");
            assertThat(http.get("/api/contests/" + contest + "/events").json().getLong("total")).isEqualTo(1);

            long first = http.post("/api/events/" + event + "/registrations",
                    new JsonObject().put("personId", person(org, "SR01"))).id();
            Reply handGiven = http.post("/api/events/" + event + "/registrations",
                    new JsonObject().put("personId", person(org, "SR02")).put("entryCode", "002"));
            Reply third = http.post("/api/events/" + event + "/registrations",
                    new JsonObject().put("personId", person(org, "SR03")));
            assertThat(http.get("/api/registrations/" + first).json().getString("entryCode")).isEqualTo("001");
            assertThat(handGiven.json().getString("entryCode")).isEqualTo("002");
            assertThat(third.json().getString("entryCode")).as("skips the hand-given 002").isEqualTo("003");

            JsonObject byOrganization = http.get("/api/registrations?contestId=" + contest + "&organizationId=" + org
                    + "&limit=2&offset=1").json();
            assertThat(byOrganization.getLong("total")).isEqualTo(3);
            assertThat(byOrganization.getJsonArray("items")).hasSize(2);
            assertThat(byOrganization.getJsonArray("items").getJsonObject(0).getString("entryCode")).isEqualTo("002");

            Reply withdrawn = http.put("/api/registrations/" + first,
                    new JsonObject().put("status", "WITHDRAWN").put("station", "A-07"));
            assertThat(withdrawn.json().getString("status")).isEqualTo("WITHDRAWN");
            assertThat(withdrawn.json().getString("entryCode")).isEqualTo("001");
        }

        @Test
        void teamRegistersAsOneEntry() {
            long org = organization("孚日集团股份有限公司");
            long a = person(org, "FR01");
            long b = person(org, "FR02");
            Reply team = http.post("/api/teams", new JsonObject().put("name", "节能攻关小组")
                    .put("organizationId", org).put("memberIds", new JsonArray(List.of(a, b))));
            assertThat(team.status()).as(team.body()).isEqualTo(201);
            assertThat(ids(team.json().getJsonArray("memberIds"))).containsExactly(a, b);

            Reply reordered = http.put("/api/teams/" + team.id(), new JsonObject().put("name", "节能攻关小组")
                    .put("organizationId", org).put("memberIds", new JsonArray(List.of(b))));
            assertThat(ids(reordered.json().getJsonArray("memberIds"))).containsExactly(b);
            assertThat(http.get("/api/teams?memberId=" + b).json().getLong("total")).isEqualTo(1);
            assertThat(http.get("/api/teams?memberId=" + a).json().getLong("total")).isZero();

            long event = event(contest("2026年孚日创新创效竞赛"), "节能环保");
            Reply registration = http.post("/api/events/" + event + "/registrations",
                    new JsonObject().put("teamId", team.id()));
            assertThat(registration.status()).as(registration.body()).isEqualTo(201);
            assertThat(registration.json().getValue("personId")).isNull();
        }
    }

    private static List<Long> ids(JsonArray array) {
        return array.stream().map(id -> ((Number) id).longValue()).toList();
    }

    @Nested
    class BadInput {

        @Test
        void duplicateRegistrationIs409AndStoresNothing() {
            long org = organization("雷沃重工集团有限公司");
            long event = event(contest("2026年雷沃技能比武"), "电工");
            long person = person(org, "LW01");
            assertThat(http.post("/api/events/" + event + "/registrations",
                    new JsonObject().put("personId", person)).status()).isEqualTo(201);

            Reply again = http.post("/api/events/" + event + "/registrations", new JsonObject().put("personId", person));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().getString("error")).isEqualTo("DUPLICATE_REGISTRATION");
            assertThat(again.json().getString("message")).contains("已报名").contains("already registered");
            assertThat(http.get("/api/events/" + event + "/registrations").json().getLong("total")).isEqualTo(1);

            Reply takenCode = http.post("/api/events/" + event + "/registrations",
                    new JsonObject().put("personId", person(org, "LW02")).put("entryCode", "001"));
            assertThat(takenCode.status()).isEqualTo(409);
            assertThat(takenCode.json().getString("error")).isEqualTo("DUPLICATE_ENTRY_CODE");
        }

        @Test
        void duplicateNaturalKeysAre409() {
            organization("山东海化集团有限公司");
            Reply again = http.post("/api/organizations", new JsonObject().put("name", "山东海化集团有限公司"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().getString("error")).isEqualTo("DUPLICATE_ORGANIZATION");
        }

        @Test
        void unknownIdsAre404InThePathAndInTheBody() {
            for (String path : List.of("/api/organizations/987654", "/api/people/987654", "/api/contests/987654",
                    "/api/events/987654", "/api/teams/987654", "/api/registrations/987654",
                    "/api/contests/987654/events", "/api/events/987654/registrations", "/api/contests/abc",
                    "/api/people/-1")) {
                Reply reply = http.get(path);
                assertThat(reply.status()).as(path).isEqualTo(404);
                assertThat(reply.json().getString("error")).as(path).isEqualTo("NOT_FOUND");
            }
            Reply person = http.post("/api/people", new JsonObject().put("name", "王强").put("employeeNo", "X1")
                    .put("organizationId", 987654));
            assertThat(person.status()).isEqualTo(404);
            assertThat(person.json().getString("error")).isEqualTo("UNKNOWN_REFERENCE");
            assertThat(person.json().getJsonArray("details").getJsonObject(0).getString("field"))
                    .isEqualTo("organizationId");

            long event = event(contest("2026年未知引用测试赛"), "钳工");
            Reply registration = http.post("/api/events/" + event + "/registrations",
                    new JsonObject().put("personId", 987654));
            assertThat(registration.status()).isEqualTo(404);
            assertThat(registration.json().getJsonArray("details").getJsonObject(0).getString("field"))
                    .isEqualTo("personId");
            assertThat(http.get("/api/events/" + event + "/registrations").json().getLong("total")).isZero();
            assertThat(http.put("/api/contests/987654", new JsonObject().put("name", "x").put("kind", "SKILLS")
                    .put("level", "CITY").put("year", 2026).put("organizer", "y")).status()).isEqualTo(404);
        }

        @Test
        void badFieldsAre400NamingEachField() {
            Reply reply = http.post("/api/contests", new JsonObject().put("name", "").put("kind", "SKILLZ")
                    .put("level", 3).put("year", "2026").put("colour", "red"));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().getString("error")).isEqualTo("INVALID_FIELDS");
            assertThat(fields(reply)).containsExactlyInAnyOrder("name", "kind", "level", "year", "organizer", "colour");

            Reply ruleBroken = http.post("/api/contests", new JsonObject().put("name", "企业赛").put("kind", "SKILLS")
                    .put("level", "ENTERPRISE").put("contestClass", "FIRST").put("year", 2026).put("organizer", "厂工会"));
            assertThat(ruleBroken.status()).isEqualTo(400);
            assertThat(fields(ruleBroken)).containsExactly("contestClass");

            Reply yearOutOfRange = http.post("/api/contests", new JsonObject().put("name", "古代赛")
                    .put("kind", "SKILLS").put("level", "CITY").put("year", 1200).put("organizer", "工会"));
            assertThat(fields(yearOutOfRange)).containsExactly("year");

            long org = organization("潍坊特钢集团有限公司");
            Reply badId = http.post("/api/people", new JsonObject().put("name", "赵磊").put("employeeNo", "TG1")
                    .put("organizationId", org).put("idNumber", "110105194912310021"));
            assertThat(badId.status()).isEqualTo(400);
            assertThat(fields(badId)).containsExactly("idNumber");

            Reply both = http.post("/api/events/" + event(contest("2026年双填测试赛"), "车工") + "/registrations",
                    new JsonObject().put("personId", 1).put("teamId", 1));
            assertThat(both.status()).isEqualTo(400);
            assertThat(fields(both)).containsExactly("personId");

            Reply team = http.post("/api/teams", new JsonObject().put("name", "空队").put("organizationId", org)
                    .put("memberIds", new JsonArray(List.of(1, 1, "x"))));
            assertThat(team.status()).isEqualTo(400);
            assertThat(fields(team)).contains("memberIds[2]");
        }

        @Test
        void badQueryParametersAre400() {
            for (String query : List.of("/api/contests?limit=0", "/api/contests?limit=501", "/api/contests?offset=-1",
                    "/api/contests?kind=FOO", "/api/registrations?eventId=abc", "/api/contests?year=x")) {
                Reply reply = http.get(query);
                assertThat(reply.status()).as(query).isEqualTo(400);
                assertThat(reply.json().getString("error")).as(query).isEqualTo("INVALID_QUERY");
            }
        }

        @Test
        void malformedBodiesAre400Or415() {
            Reply malformed = http.sendBody("POST", "/api/organizations", "{\"name\": ", "application/json");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().getString("error")).isEqualTo("MALFORMED_JSON");

            Reply array = http.sendBody("POST", "/api/organizations", "[1,2]", "application/json");
            assertThat(array.status()).isEqualTo(400);
            assertThat(array.json().getString("error")).isEqualTo("NOT_AN_OBJECT");

            Reply empty = http.sendBody("POST", "/api/organizations", "", "application/json");
            assertThat(empty.status()).isEqualTo(400);

            Reply text = http.sendBody("POST", "/api/organizations", "name=x", "text/plain");
            assertThat(text.status()).isEqualTo(415);
            assertThat(text.json().getString("error")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }

        @Test
        void oversizedBodyIs413AndStoresNothing() {
            long before = database.queryLong("select count(*) from organization");
            String huge = new JsonObject().put("name", "大".repeat(200_000)).toString();
            Reply reply = http.sendBody("POST", "/api/organizations", huge, "application/json");
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.json().getString("error")).isEqualTo("BODY_TOO_LARGE");
            assertThat(database.queryLong("select count(*) from organization")).isEqualTo(before);
        }

        @Test
        void unknownRoutesAndMethodsAreJsonErrors() {
            Reply route = http.get("/api/nothing-here");
            assertThat(route.status()).isEqualTo(404);
            assertThat(route.json().getString("error")).isEqualTo("NOT_FOUND");
            Reply method = http.delete("/api/contests/1");
            assertThat(method.status()).isEqualTo(405);
            assertThat(method.json().getString("error")).isEqualTo("METHOD_NOT_ALLOWED");
        }

        @Test
        void textFieldsRejectControlCharactersAndOverlongValues() {
            Reply control = http.post("/api/organizations", new JsonObject().put("name", "坏\u0000名"));
            assertThat(control.status()).isEqualTo(400);
            Reply overlong = http.post("/api/organizations", new JsonObject().put("name", "长".repeat(201)));
            assertThat(overlong.status()).isEqualTo(400);
            assertThat(fields(overlong)).containsExactly("name");
        }

        private List<String> fields(Reply reply) {
            return reply.json().getJsonArray("details").stream()
                    .map(detail -> ((JsonObject) detail).getString("field")).toList();
        }
    }

    @Test
    void theRegistryIsWrittenByOrganizersOnly() {
        Http anonymous = new Http(node.httpPort());
        Reply write = anonymous.post("/api/organizations", new JsonObject().put("name", "匿名单位"));
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.json().getString("error")).isEqualTo("SIGN_IN_REQUIRED");
        assertThat(anonymous.get("/api/people").status()).as("names are not public").isEqualTo(401);
        assertThat(anonymous.get("/api/contests").status()).as("contests are public").isEqualTo(200);

        Reply forged = anonymous.as("not-a-real-token").get("/api/contests");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().getString("error")).isEqualTo("INVALID_TOKEN");

        long contest = contest("2026年权限测试赛");
        String code = http.post("/api/contests/" + contest + "/judges", new JsonObject().put("displayName", "裁判甲"))
                .json().getString("signInCode");
        Http judge = anonymous.signIn(code);
        Reply judgeWrite = judge.post("/api/organizations", new JsonObject().put("name", "裁判建的单位"));
        assertThat(judgeWrite.status()).isEqualTo(403);
        assertThat(judgeWrite.json().getString("error")).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(database.queryLong("select count(*) from organization where name in ('匿名单位', '裁判建的单位')"))
                .isZero();
    }

    @Test
    void openApiDocumentIsServed() {
        Reply reply = http.get("/openapi.yaml");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).startsWith("openapi: 3.0.3").contains("/api/events/{id}/registrations");
    }

    @Test
    void consolePlaceholderIsServed() {
        Reply reply = http.get("/");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("匠心");
    }
}
