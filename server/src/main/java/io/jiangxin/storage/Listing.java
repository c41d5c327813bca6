package io.jiangxin.storage;

import io.jiangxin.paging.PageRequest;

import io.jiangxin.paging.Page;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The shared shape of every listing: one page of rows in id order, and the count of all that match. */
final class Listing {

    private Listing() {
    }

    static <T> Future<Page<T>> page(Pool pool, String table, String columns, Filter filter, PageRequest page,
                                    Function<Row, T> mapper) {
        Future<List<T>> items = pool
                .preparedQuery("select " + columns + " from " + table + filter.where() + " order by id"
                        + filter.limitOffset())
                .execute(filter.valuesWithPage(page))
                .map(rows -> {
                    List<T> list = new ArrayList<>(rows.size());
                    rows.forEach(row -> list.add(mapper.apply(row)));
                    return list;
                });
        Future<Long> total = pool.preparedQuery("select count(*) from " + table + filter.where())
                .execute(filter.values())
                .map(rows -> rows.iterator().next().getLong(0));
        return Future.all(items, total)
                .map(done -> new Page<>(items.result(), total.result(), page.limit(), page.offset()));
    }
}
