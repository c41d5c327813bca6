package io.jiangxin.storage;

import io.jiangxin.storage.DatabaseUrl;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Creates the pg-client pool that every store shares. */
public final class Database {

    public static final int POOL_SIZE = 16;
    static final int CONNECT_TIMEOUT_MS = 5_000;

    private Database() {
    }

    public static Pool pool(Vertx vertx, DatabaseUrl url) {
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(url.host())
                .setPort(url.port())
                .setDatabase(url.database())
                .setUser(url.user())
                .setCachePreparedStatements(true);
        if (url.password() != null) {
            connect.setPassword(url.password());
        }
        PoolOptions pool = new PoolOptions()
                .setMaxSize(POOL_SIZE)
                .setMaxWaitQueueSize(2_000)
                .setConnectionTimeout(5)
                .setName("jiangxin");
        return PgBuilder.pool().with(pool).with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS))
                .connectingTo(connect).using(vertx).build();
    }
}
