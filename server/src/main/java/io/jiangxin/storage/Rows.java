package io.jiangxin.storage;

import io.jiangxin.problem.Problem;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.function.Function;

/** Reading the one row a lookup by id returns. */
public final class Rows {

    private Rows() {
    }

    /** The row mapped, or a 404 naming what was not found. */
    public static <T> Function<RowSet<Row>, T> single(String what, Object id, Function<Row, T> mapper) {
        return rows -> {
            if (rows.size() == 0) {
                throw Problem.notFound(what, id);
            }
            return mapper.apply(rows.iterator().next());
        };
    }
}
