package io.jiangxin.storage;

import io.vertx.core.Future;

/** A table of the registry whose rows are written whole from a draft: created, read by id and replaced. */
public interface DraftStore<T, D> {

    Future<T> create(D draft);

    Future<T> get(long id);

    Future<T> update(long id, D draft);
}
