package io.jiangxin.storage;

import io.jiangxin.paging.PageRequest;

import io.jiangxin.paging.Page;

import io.jiangxin.registry.Person;
import io.jiangxin.registry.SkillGrade;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

public final class PersonStore implements DraftStore<Person, Person.Draft> {

    public static final String WHAT = "人员 / person";
    private static final String COLUMNS = "id, name, employee_no, organization_id, trade, skill_grade, id_number";

    private final RegistryTable<Person> table;

    public PersonStore(Pool pool) {
        this.table = new RegistryTable<>(pool, "person", WHAT, COLUMNS, PersonStore::map);
    }

    @Override
    public Future<Person> create(Person.Draft draft) {
        return table.insert("insert into person (name, employee_no, organization_id, trade, skill_grade,"
                + " id_number) values ($1, $2, $3, $4, $5, $6)", values(draft));
    }

    @Override
    public Future<Person> get(long id) {
        return table.get(id);
    }

    @Override
    public Future<Person> update(long id, Person.Draft draft) {
        return table.update(id, "update person set name = $1, employee_no = $2, organization_id = $3,"
                + " trade = $4, skill_grade = $5, id_number = $6, updated_at = now() where id = $7",
                values(draft).addLong(id));
    }

    public Future<Page<Person>> list(Long organizationId, String trade, String nameContains, PageRequest page) {
        Filter filter = new Filter()
                .equal("organization_id", organizationId)
                .equal("trade", trade)
                .condition("strpos(name, ?) > 0", nameContains);
        return table.page(filter, page);
    }

    private static Tuple values(Person.Draft draft) {
        return Tuple.of(draft.name(), draft.employeeNo(), draft.organizationId(), draft.trade(),
                draft.skillGrade() == null ? null : draft.skillGrade().name(), draft.idNumber());
    }

    public static Person map(Row row) {
        String grade = row.getString("skill_grade");
        return new Person(row.getLong("id"), row.getString("name"), row.getString("employee_no"),
                row.getLong("organization_id"), row.getString("trade"),
                grade == null ? null : SkillGrade.valueOf(grade), row.getString("id_number"));
    }
}
