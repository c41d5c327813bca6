package io.jiangxin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.problem.Problem;
import io.jiangxin.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every unique constraint and index of the migrated schema (primary keys included) maps to a 409 with a reason, so
 * a future index without a meaning fails here. {@code ConflictApiIT} checks the same over HTTP.
 */
class UniqueConstraintsIT {

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
            assertThat(meaning.code()).as(index).isNotNull();
            assertThat(meaning.code().status()).as(index + " answers a conflict").isEqualTo(409);
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
        Throwable unknownKey = Constraints.translate(new io.vertx.pgclient.PgException("fk", "ERROR", "23503",
                "Key (x_id)=(9) is not present in table \"x\".") {
            @Override
            public String getConstraint() {
                return "a_foreign_key_added_later";
            }
        });
        assertThat(unknownKey).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
    }
}
