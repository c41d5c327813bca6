package io.jiangxin.storage.ladder;

import static io.jiangxin.storage.ladder.LadderSql.ids;
import static io.jiangxin.storage.ladder.LadderSql.select;

import io.jiangxin.problem.Problem;
import io.jiangxin.registry.Person;
import io.jiangxin.storage.PersonStore;
import io.jiangxin.storage.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The registry's people and organizations as the ladder reads them, inside the caller's transaction. */
public final class LadderPeopleStore {

    private static final String PERSON_COLUMNS = "id, name, employee_no, organization_id, trade, skill_grade, id_number";

    public Future<Person> person(SqlClient client, long id) {
        return client.preparedQuery("select " + PERSON_COLUMNS + " from person where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound(PersonStore.WHAT, id);
                    }
                    return PersonStore.map(rows.iterator().next());
                });
    }

    public Future<List<Person>> people(SqlClient client, Collection<Long> ids) {
        return select(client, "select " + PERSON_COLUMNS + " from person where id = any($1::bigint[]) order by id",
                Tuple.of(ids(ids)), PersonStore::map);
    }

    /** The person with this employee number in the named organization, if any. */
    public Future<Long> personByEmployeeNo(SqlClient client, String organization, String employeeNo) {
        return client.preparedQuery("select p.id from person p join organization o on o.id = p.organization_id"
                        + " where o.name = $1 and p.employee_no = $2").execute(Tuple.of(organization, employeeNo))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
    }

    public Future<List<Long>> peopleOfOrganization(SqlClient client, long organizationId) {
        return select(client, "select id from person where organization_id = $1 order by id",
                Tuple.of(organizationId), r -> r.getLong("id"));
    }

    /** Everyone with anything the ladder counts: a holding, a result, evidence, a mentorship or a ledger entry. */
    public Future<List<Long>> peopleWithLadderFacts(SqlClient client) {
        return client.query("select person_id from ladder_tier_holding union select person_id from ladder_result"
                        + " union select person_id from ladder_evidence union select mentor_id from ladder_mentorship"
                        + " union select person_id from ladder_attendance union select person_id from ladder_ledger"
                        + " union select person_id from ladder_assessment order by 1").execute()
                .map(Rows.each(r -> r.getLong(0)));
    }

    public Future<List<Long>> organizationIdByName(SqlClient client, String name) {
        return select(client, "select id from organization where name = $1 or id::text = $1",
                Tuple.of(name), r -> r.getLong("id"));
    }

    public Future<Map<Long, String>> organizationNames(SqlClient client, Collection<Long> ids) {
        return client.preparedQuery("select id, name from organization where id = any($1::bigint[])")
                .execute(Tuple.of(ids(ids)))
                .map(rows -> {
                    Map<Long, String> names = new HashMap<>();
                    rows.forEach(r -> names.put(r.getLong("id"), r.getString("name")));
                    return names;
                });
    }

    public Future<String> organizationName(SqlClient client, long id) {
        return client.preparedQuery("select name from organization where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.unknownReference("organizationId", "单位不存在 / unknown organization");
                    }
                    return rows.iterator().next().getString("name");
                });
    }
}
