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

    private final RegistryTable<Event> table;

    public EventStore(Pool pool) {
        this.table = new RegistryTable<>(pool, "event", WHAT, COLUMNS, EventStore::map);
    }

    public Future<Event> create(Event.Draft draft) {
        return table.insert("insert into event (contest_id, name, trade) values ($1, $2, $3)",
                Tuple.of(draft.contestId(), draft.name(), draft.trade()));
    }

    public Future<Event> get(long id) {
        return table.get(id);
    }

    /** An event never moves to another contest: its registrations and results belong to that contest. */
    public Future<Event> update(long id, String name, String trade) {
        return table.update(id, "update event set name = $1, trade = $2, updated_at = now() where id = $3",
                Tuple.of(name, trade, id));
    }

    public Future<Page<Event>> list(Long contestId, String trade, PageRequest page) {
        Filter filter = new Filter().equal("contest_id", contestId).equal("trade", trade);
        return table.page(filter, page);
    }

    static Event map(Row row) {
        return new Event(row.getLong("id"), row.getLong("contest_id"), row.getString("name"),
                row.getString("trade"));
    }
}
