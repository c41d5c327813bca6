package io.jiangxin.storage;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** Reads a stored document (a {@code content bytea} column) a piece at a time, so a download never holds it whole. */
final class Blobs {

    private Blobs() {
    }

    /** Bytes {@code [offset, offset + length)}; {@code table} is one of our own constants, never user input. */
    static Future<Buffer> chunk(SqlClient client, String table, long id, int offset, int length) {
        return client.preparedQuery("select substring(content from $2 for $3) as part from " + table + " where id = $1")
                .execute(Tuple.of(id, offset + 1, length))
                .map(rows -> rows.iterator().next().getBuffer("part"));
    }
}
