package io.jiangxin.storage.ladder;

import io.jiangxin.storage.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** What the ladder's stores share: a query's rows as a list, id lists as a bigint array, and the transaction's advisory locks. */
final class LadderSql {

    private LadderSql() {
    }

    /** The rows a parameterised query returns, each mapped. */
    static <T> Future<List<T>> select(SqlClient client, String sql, Tuple params, Function<Row, T> mapper) {
        return client.preparedQuery(sql).execute(params).map(Rows.each(mapper));
    }

    /** A {@code bigint[]} parameter. */
    static Object ids(Collection<Long> ids) {
        return ids.toArray(new Long[0]);
    }

    /** A lock held until the caller's transaction ends; the same key orders the same work across nodes. */
    static Future<Void> advisoryLock(SqlClient client, String key) {
        return client.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 7))").execute(Tuple.of(key))
                .mapEmpty();
    }
}
