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

    private final Pool pool;

    public OrganizationStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Organization> create(Organization.Draft draft) {
        return pool.preparedQuery("insert into organization (name, credit_code, region) values ($1, $2, $3)"
                        + " returning " + COLUMNS)
                .execute(Tuple.of(draft.name(), draft.creditCode(), draft.region()))
                .map(rows -> map(rows.iterator().next()))
                .recover(e -> Future.failedFuture(Constraints.translate(e)));
    }

    @Override
    public Future<Organization> get(long id) {
        return pool.preparedQuery("select " + COLUMNS + " from organization where id = $1")
                .execute(Tuple.of(id))
                .map(Rows.single(WHAT, id, OrganizationStore::map));
    }

    @Override
    public Future<Organization> update(long id, Organization.Draft draft) {
        return pool.preparedQuery("update organization set name = $2, credit_code = $3, region = $4,"
                        + " updated_at = now() where id = $1 returning " + COLUMNS)
                .execute(Tuple.of(id, draft.name(), draft.creditCode(), draft.region()))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .map(Rows.single(WHAT, id, OrganizationStore::map));
    }

    public Future<Page<Organization>> list(String nameContains, String region, PageRequest page) {
        Filter filter = new Filter()
                .condition("strpos(name, ?) > 0", nameContains)
                .equal("region", region);
        return Listing.page(pool, "organization", COLUMNS, filter, page, OrganizationStore::map);
    }

    static Organization map(Row row) {
        return new Organization(row.getLong("id"), row.getString("name"), row.getString("credit_code"),
                row.getString("region"));
    }
}
