package io.jiangxin.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Which judges are online per event: each of their requests renews a short-lived mark in a cluster map. */
public final class Presence {

    private final IMap<String, Long> seen;
    private final Clock clock;

    public Presence(HazelcastInstance hazelcast, Clock clock) {
        this.seen = hazelcast.getMap(Maps.PRESENCE);
        this.clock = clock;
    }

    public Future<Void> touch(long eventId, long accountId) {
        return OnContext.of(seen.setAsync(key(eventId, accountId), clock.millis(),
                Maps.PRESENCE_SECONDS, TimeUnit.SECONDS)).mapEmpty();
    }

    /** Account id → when last seen (epoch ms), for those seen within the presence window. */
    public Future<Map<Long, Long>> online(long eventId, Collection<Long> accountIds) {
        List<Long> ids = List.copyOf(accountIds);
        List<Future<Long>> lookups = ids.stream()
                .map(id -> OnContext.of(seen.getAsync(key(eventId, id)))).toList();
        return Future.all(lookups).map(done -> {
            Map<Long, Long> online = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                if (lookups.get(i).result() != null) {
                    online.put(ids.get(i), lookups.get(i).result());
                }
            }
            return online;
        });
    }

    private static String key(long eventId, long accountId) {
        return eventId + "/" + accountId;
    }
}
