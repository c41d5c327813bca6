package io.jiangxin.storage;

import io.jiangxin.paging.Page;
import io.jiangxin.paging.PageRequest;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.function.Function;

/**
 * One registry table read and written a whole row at a time: an insert or update answers the row it wrote, a
 * constraint violation becomes the client's error ({@link Constraints}), and an unknown id a 404 naming the record.
 */
final class RegistryTable<T> {

    private final Pool pool;
    private final String table;
    private final String what;
    private final String columns;
    private final Function<Row, T> map;

    RegistryTable(Pool pool, String table, String what, String columns, Function<Row, T> map) {
        this.pool = pool;
        this.table = table;
        this.what = what;
        this.columns = columns;
        this.map = map;
    }

    /** Runs {@code insert} (without its returning clause) and answers the new row. */
    Future<T> insert(String insert, Tuple values) {
        return pool.preparedQuery(insert + " returning " + columns)
                .execute(values)
                .map(rows -> map.apply(rows.iterator().next()))
                .recover(e -> Future.failedFuture(Constraints.translate(e)));
    }

    Future<T> get(long id) {
        return pool.preparedQuery("select " + columns + " from " + table + " where id = $1")
                .execute(Tuple.of(id))
                .map(Rows.single(what, id, map));
    }

    /** Runs {@code update} (without its returning clause) on the row {@code id} and answers it. */
    Future<T> update(long id, String update, Tuple values) {
        return pool.preparedQuery(update + " returning " + columns)
                .execute(values)
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .map(Rows.single(what, id, map));
    }

    Future<Page<T>> page(Filter filter, PageRequest page) {
        return Listing.page(pool, table, columns, filter, page, map);
    }
}
