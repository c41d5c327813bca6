package io.jiangxin.storage;

import io.jiangxin.paging.PageRequest;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Builds a parameterised WHERE clause from optional equality filters; values never enter the SQL text. */
final class Filter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    Filter equal(String column, Object value) {
        if (value != null) {
            values.add(value);
            conditions.add(column + " = $" + values.size());
        }
        return this;
    }

    Filter condition(String sqlWithPlaceholder, Object value) {
        if (value != null) {
            values.add(value);
            conditions.add(sqlWithPlaceholder.replace("?", "$" + values.size()));
        }
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Appends LIMIT and OFFSET placeholders after the filter values. */
    String limitOffset() {
        return " limit $" + (values.size() + 1) + " offset $" + (values.size() + 2);
    }

    Tuple values() {
        return Tuple.from(values);
    }

    Tuple valuesWithPage(PageRequest page) {
        List<Object> all = new ArrayList<>(values);
        all.add(page.limit());
        all.add(page.offset());
        return Tuple.from(all);
    }
}
