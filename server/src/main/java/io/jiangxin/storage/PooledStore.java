package io.jiangxin.storage;

import io.vertx.sqlclient.Pool;

/**
 * A store whose reads and writes take the client to run on, so the application can put several in one transaction;
 * {@link #pool()} is the client for a call that needs none.
 */
public abstract class PooledStore {

    protected final Pool pool;

    protected PooledStore(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }
}
