package io.jiangxin.storage;

import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.function.Function;

/** Bulk inserts as {@code unnest} over one array per column, a batch at a time. */
final class ArrayInserts {

    static final int BATCH = 5_000;

    private ArrayInserts() {
    }

    /** Runs {@code insert} over consecutive batches of {@code rows}, one after another. */
    static <T> Future<Void> batches(List<T> rows, Function<List<T>, Future<?>> insert) {
        Future<Void> chain = Future.succeededFuture();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<T> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            chain = chain.compose(v -> insert.apply(batch).mapEmpty());
        }
        return chain;
    }

    /** One array parameter per column; Tuple.of would spread a trailing array as varargs. */
    static Tuple columns(Object[]... columns) {
        Tuple tuple = Tuple.tuple();
        for (Object column : columns) {
            tuple.addValue(column);
        }
        return tuple;
    }

    static <T> String[] texts(List<T> rows, Function<T, String> field) {
        return rows.stream().map(field).toArray(String[]::new);
    }
}
