package io.jiangxin.storage;

import io.jiangxin.paging.PageRequest;

import io.jiangxin.paging.Page;

import io.jiangxin.registry.Organization;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

public final class OrganizationStore implements DraftStore<Organization, Organization.Draft> {

    static final String WHAT = "单位 / organization";
    private static final String COLUMNS = "id, name, credit_code, region";

    private final RegistryTable<Organization> table;

    public OrganizationStore(Pool pool) {
        this.table = new RegistryTable<>(pool, "organization", WHAT, COLUMNS, OrganizationStore::map);
    }

    @Override
    public Future<Organization> create(Organization.Draft draft) {
        return table.insert("insert into organization (name, credit_code, region) values ($1, $2, $3)",
                Tuple.of(draft.name(), draft.creditCode(), draft.region()));
    }

    @Override
    public Future<Organization> get(long id) {
        return table.get(id);
    }

    @Override
    public Future<Organization> update(long id, Organization.Draft draft) {
        return table.update(id, "update organization set name = $2, credit_code = $3, region = $4,"
                + " updated_at = now() where id = $1", Tuple.of(id, draft.name(), draft.creditCode(), draft.region()));
    }

    public Future<Page<Organization>> list(String nameContains, String region, PageRequest page) {
        Filter filter = new Filter()
                .condition("strpos(name, ?) > 0", nameContains)
                .equal("region", region);
        return table.page(filter, page);
    }

    static Organization map(Row row) {
        return new Organization(row.getLong("id"), row.getString("name"), row.getString("credit_code"),
                row.getString("region"));
    }
}
