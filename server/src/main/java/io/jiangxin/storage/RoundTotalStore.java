package io.jiangxin.storage;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * 多轮合成: the totals of earlier rounds each entry brought along when it advanced (V50 {@code round_total}). The
 * live fold of a scheme with {@code rounds} combines them with the current round's score.
 */
public final class RoundTotalStore {

    private RoundTotalStore() {
    }

    /** Registration id (as the fold's entry id) → round id → total, for every entry of the event that has any. */
    public static Future<Map<String, Map<String, BigDecimal>>> ofEvent(SqlClient client, long eventId) {
        return client.preparedQuery("select t.registration_id, t.round_id, t.total from round_total t"
                        + " join registration r on r.id = t.registration_id where r.event_id = $1")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    Map<String, Map<String, BigDecimal>> totals = new HashMap<>();
                    rows.forEach(row -> totals.computeIfAbsent(String.valueOf(row.getLong("registration_id")),
                            id -> new TreeMap<>()).put(row.getString("round_id"), row.getBigDecimal("total")));
                    return totals;
                });
    }

    /**
     * Gives the registration {@code to} the earlier rounds' totals of {@code from} and {@code from}'s own total in
     * the round it advanced from.
     *
     * @return how many round totals {@code to} now has
     */
    public static Future<Integer> carry(SqlClient client, long from, long to, long fromEvent, String fromRound,
                                        BigDecimal ownTotal, long advancementId) {
        return client.preparedQuery("insert into round_total (registration_id, round_id, total, from_event_id,"
                        + " advancement_id) select $2::bigint, round_id, total, from_event_id, $6::bigint from round_total"
                        + " where registration_id = $1::bigint and round_id <> $4::text"
                        + " union all select $2::bigint, $4::text, $5::numeric, $3::bigint, $6::bigint")
                .execute(Tuple.of(from, to, fromEvent, fromRound, ownTotal, advancementId))
                .map(rows -> rows.rowCount());
    }
}
