package io.jiangxin.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.jiangxin.auth.Principal;
import io.jiangxin.auth.Secrets;
import io.jiangxin.storage.SessionStore;
import io.vertx.core.Future;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens, resolves and revokes bearer-token sessions. PostgreSQL is the record; a cluster-wide map caches
 * resolved tokens, and revocation removes them from it, so a revoked token stops working on every node at once.
 */
public final class Sessions {

    static final Duration CACHE_AT_MOST = Duration.ofMinutes(10);

    /** A cached session. */
    record Cached(Principal principal, Instant expiresAt) implements Serializable {
    }

    /** A session just opened: the token is shown to its holder once. */
    public record Opened(String token, Instant expiresAt, Principal principal) {
    }

    private final SessionStore store;
    private final IMap<String, Cached> cache;
    private final Duration lifetime;
    private final java.time.Clock clock;

    public Sessions(SessionStore store, HazelcastInstance hazelcast, Duration lifetime, java.time.Clock clock) {
        this.store = store;
        this.cache = hazelcast.getMap(Maps.SESSIONS);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Future<Opened> open(Principal principal, String device, String address) {
        String token = Secrets.newToken();
        Instant expiresAt = clock.instant().plus(lifetime);
        return store.open(token, principal.accountId(), expiresAt, device, address)
                .map(done -> new Opened(token, expiresAt, principal));
    }

    /** The principal of a live token, or null. */
    public Future<Principal> resolve(String token) {
        String hash = Secrets.sha256(token);
        return OnContext.of(cache.getAsync(hash)).compose(cached -> {
            if (cached != null) {
                return Future.succeededFuture(cached.expiresAt().isAfter(clock.instant()) ? cached.principal() : null);
            }
            return store.find(hash, clock.instant()).compose(open -> {
                if (open == null) {
                    return Future.succeededFuture(null);
                }
                long ttl = Math.max(1, Math.min(CACHE_AT_MOST.toSeconds(),
                        Duration.between(clock.instant(), open.expiresAt()).toSeconds()));
                return OnContext.of(cache.setAsync(hash, new Cached(open.principal(), open.expiresAt()),
                        ttl, TimeUnit.SECONDS)).map(done -> open.principal());
            });
        });
    }

    public Future<Void> revoke(String token) {
        String hash = Secrets.sha256(token);
        return store.revoke(hash).compose(done -> OnContext.of(cache.removeAsync(hash))).mapEmpty();
    }

    public Future<Integer> revokeAll(long accountId) {
        return store.revokeAll(accountId).compose(hashes -> {
            List<Future<Cached>> removals = hashes.stream()
                    .map(hash -> OnContext.of(cache.removeAsync(hash))).toList();
            return Future.all(removals).map(done -> hashes.size());
        });
    }
}
