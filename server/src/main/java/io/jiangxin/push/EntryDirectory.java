package io.jiangxin.push;

import io.jiangxin.judging.BoardHeader;
import io.jiangxin.judging.EventEntry;
import io.jiangxin.storage.JudgingStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What boards say about entries besides their results: codes, stations, names and organizations, per event,
 * loaded from PostgreSQL once per node and again when a board names an entry it does not know.
 */
final class EntryDirectory {

    static final long RELOAD_AT_MOST_EVERY_MS = 1_000;

    /** One event's entries and header. */
    record Listing(BoardHeader header, Map<String, EventEntry> entries, long loadedAt) {
    }

    private final JudgingStore judging;
    private final Map<Long, Future<Listing>> listings = new ConcurrentHashMap<>();

    EntryDirectory(JudgingStore judging) {
        this.judging = judging;
    }

    Future<Listing> of(long eventId) {
        return listings.computeIfAbsent(eventId, this::load).recover(failure -> {
            listings.remove(eventId);
            return Future.failedFuture(failure);
        });
    }

    /** The listing, reloaded first if it lacks one of these entries and is not brand new. */
    Future<Listing> covering(long eventId, Iterable<String> entryIds) {
        return of(eventId).compose(listing -> {
            for (String id : entryIds) {
                if (!listing.entries().containsKey(id)
                        && System.currentTimeMillis() - listing.loadedAt() > RELOAD_AT_MOST_EVERY_MS) {
                    Future<Listing> reloaded = load(eventId);
                    listings.put(eventId, reloaded);
                    return reloaded;
                }
            }
            return Future.succeededFuture(listing);
        });
    }

    private Future<Listing> load(long eventId) {
        return Future.all(judging.boardHeader(eventId), judging.entries(judging.pool(), eventId, true)).map(done -> {
            Map<String, EventEntry> entries = new HashMap<>();
            done.<java.util.List<EventEntry>>resultAt(1).forEach(e -> entries.put(String.valueOf(e.registrationId()), e));
            return new Listing(done.resultAt(0), entries, System.currentTimeMillis());
        });
    }

    /** The header a hall screen shows. */
    static JsonObject header(BoardHeader header) {
        return new JsonObject().put("eventId", header.eventId()).put("event", header.eventName())
                .put("contestId", header.contestId()).put("contest", header.contestName())
                .put("organizer", header.organizer());
    }
}
