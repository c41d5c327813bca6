package io.jiangxin.storage;

import io.jiangxin.problem.Problem;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reading the rows a query returns: the one of a lookup by id, or each of a list. */
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

    /** Every row mapped, in the query's order. */
    public static <T> Function<RowSet<Row>, List<T>> each(Function<Row, T> mapper) {
        return rows -> {
            List<T> list = new ArrayList<>(rows.size());
            rows.forEach(row -> list.add(mapper.apply(row)));
            return list;
        };
    }
}
