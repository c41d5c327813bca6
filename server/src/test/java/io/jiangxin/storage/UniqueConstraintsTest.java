package io.jiangxin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.app.Problem;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every unique constraint and index of the migrated schema (primary keys included) maps to a 409 with a reason, so
 * a future index without a meaning fails here; and the duplicates a person can cause over HTTP, a second judge or
 * arbiter account for the same person in a contest, are 409s, not 500s.
 */
class UniqueConstraintsTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void everyUniqueIndexOfTheSchemaHasAMeaning() {
        List<String> indexes = server.database().queryStrings("""
                select c.relname from pg_index i
                  join pg_class c on c.oid = i.indexrelid
                  join pg_namespace n on n.oid = c.relnamespace
                 where i.indisunique and n.nspname = current_schema()
                   and i.indrelid <> 'flyway_schema_history'::regclass
                 order by 1""");
        assertThat(indexes).as("the schema was migrated").hasSizeGreaterThan(50)
                .contains("account_judge_once", "registration_person_once", "ladder_holding_open", "publication_current");
        for (String index : indexes) {
            Constraints.Meaning meaning = Constraints.meaningOf(index);
            assertThat(meaning).as("unique index " + index + " has no 409 meaning in Constraints/LadderConstraints")
                    .isNotNull();
            assertThat(meaning.code()).as(index).isNotBlank();
            assertThat(meaning.message()).as(index).contains(" / ");
        }
        // unique constraints are backed by these indexes under the same name; check none is missing from pg_constraint
        List<String> constraints = server.database().queryStrings("""
                select conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                 where c.contype in ('u', 'p', 'x') and n.nspname = current_schema()
                   and c.conrelid <> 'flyway_schema_history'::regclass""");
        assertThat(indexes).containsAll(constraints);
    }

    @Test
    void aViolationOfAMappedIndexIsA409WithItsReason() {
        Throwable translated = Constraints.translate(new io.vertx.pgclient.PgException(
                "duplicate key value violates unique constraint", "ERROR", "23505", "detail") {
            @Override
            public String getConstraint() {
                return "account_judge_once";
            }
        });
        assertThat(translated).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.status()).isEqualTo(409);
            assertThat(p.code()).isEqualTo("DUPLICATE_JUDGE");
        });
        Throwable unknown = Constraints.translate(new io.vertx.pgclient.PgException("dup", "ERROR", "23505", "d") {
            @Override
            public String getConstraint() {
                return "an_index_added_later";
            }
        });
        assertThat(unknown).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(409));
    }

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
