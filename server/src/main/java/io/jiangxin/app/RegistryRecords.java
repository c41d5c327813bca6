package io.jiangxin.app;

import io.jiangxin.storage.DraftStore;
import io.vertx.core.Future;

/** Creating, reading and replacing one kind of registry record; the store's constraints decide what is refused. */
public final class RegistryRecords<T, D> {

    private final DraftStore<T, D> store;

    RegistryRecords(DraftStore<T, D> store) {
        this.store = store;
    }

    public Future<T> create(D draft) {
        return store.create(draft);
    }

    public Future<T> get(long id) {
        return store.get(id);
    }

    public Future<T> update(long id, D draft) {
        return store.update(id, draft);
    }
}
