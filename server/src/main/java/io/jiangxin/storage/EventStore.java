package io.jiangxin.storage;

import io.jiangxin.paging.PageRequest;

import io.jiangxin.paging.Page;

import io.jiangxin.registry.Event;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

public final class EventStore {

    static final String WHAT = "赛项 / event";
    private static final String COLUMNS = "id, contest_id, name, trade";

    private final Pool pool;

    public EventStore(Pool pool) {
        this.pool = pool;
    }

    public Future<Event> create(Event.Draft draft) {
        return pool.preparedQuery("insert into event (contest_id, name, trade) values ($1, $2, $3) returning "
                        + COLUMNS)
                .execute(Tuple.of(draft.contestId(), draft.name(), draft.trade()))
                .map(rows -> map(rows.iterator().next()))
                .recover(e -> Future.failedFuture(Constraints.translate(e)));
    }

    public Future<Event> get(long id) {
        return pool.preparedQuery("select " + COLUMNS + " from event where id = $1")
                .execute(Tuple.of(id))
                .map(Rows.single(WHAT, id, EventStore::map));
    }

    /** An event never moves to another contest: its registrations and results belong to that contest. */
    public Future<Event> update(long id, String name, String trade) {
        return pool.preparedQuery("update event set name = $1, trade = $2, updated_at = now() where id = $3"
                        + " returning " + COLUMNS)
                .execute(Tuple.of(name, trade, id))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .map(Rows.single(WHAT, id, EventStore::map));
    }

    public Future<Page<Event>> list(Long contestId, String trade, PageRequest page) {
        Filter filter = new Filter().equal("contest_id", contestId).equal("trade", trade);
        return Listing.page(pool, "event", COLUMNS, filter, page, EventStore::map);
    }

    static Event map(Row row) {
        return new Event(row.getLong("id"), row.getLong("contest_id"), row.getString("name"),
                row.getString("trade"));
    }
}
