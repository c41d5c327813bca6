package io.jiangxin.push;

import io.jiangxin.judging.EventEntry;
import io.jiangxin.judging.BoardDelta;
import io.jiangxin.judging.BoardRow;
import io.jiangxin.judging.BoardSnapshot;
import io.jiangxin.judging.TeamRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The JSON of the board protocol (docs/websocket.md). Entries are shown by entry code and station; names and
 * organizations only on lines whose result is final, as the anonymity rules require.
 */
final class BoardMessages {

    private BoardMessages() {
    }

    static JsonObject snapshot(long eventId, BoardSnapshot snapshot, EntryDirectory.Listing listing, int revealsLeft) {
        JsonArray rows = new JsonArray();
        snapshot.rows().forEach(row -> rows.add(row(row, listing)));
        return new JsonObject().put("type", "snapshot").put("event", eventId).put("view", snapshot.view().name())
                .put("version", snapshot.version()).put("frozen", snapshot.frozen())
                .put("policy", snapshot.policy().name()).put("showTeamsBeforeNames", snapshot.showTeamsBeforeNames())
                .put("signedOff", snapshot.signedOff())
                .put("revealsLeft", revealsLeft)
                .put("header", EntryDirectory.header(listing.header())).put("rows", rows)
                .put("teams", teams(snapshot.teams(), listing));
    }

    static JsonObject delta(long eventId, BoardDelta delta, EntryDirectory.Listing listing) {
        JsonArray rows = new JsonArray();
        delta.rows().forEach(row -> rows.add(row(row, listing)));
        JsonArray removed = new JsonArray();
        delta.removed().forEach(id -> removed.add(code(id, listing)));
        JsonObject message = new JsonObject().put("type", "delta").put("event", eventId).put("view", delta.view().name())
                .put("from", delta.from()).put("version", delta.version()).put("frozen", delta.frozen())
                .put("rows", rows).put("removed", removed);
        if (delta.revealed() != null) {
            message.put("revealed", code(delta.revealed(), listing));
        }
        if (delta.teams() != null) {
            message.put("teams", teams(delta.teams(), listing));
        }
        return message;
    }

    /** The event's panel state changed: read {@code GET /api/events/{id}/matrix} again (the notice carries no data). */
    static JsonObject matrixChanged(long eventId) {
        return new JsonObject().put("type", "matrix").put("event", eventId);
    }

    static JsonObject error(String code, String message) {
        return new JsonObject().put("type", "error").put("code", code).put("message", message);
    }

    private static JsonObject row(BoardRow row, EntryDirectory.Listing listing) {
        EventEntry entry = listing.entries().get(row.entryId());
        JsonObject json = new JsonObject().put("entry", code(row.entryId(), listing))
                .put("station", entry == null ? null : entry.station()).put("position", row.position())
                .put("rank", row.rank()).put("tied", row.tied()).put("total", row.total()).put("status", row.status())
                .put("award", row.award()).put("normalised", row.normalised()).put("advances", row.advances())
                .put("combined", row.combined());
        if ("FINAL".equals(row.status()) && entry != null) {
            json.put("name", entry.entrantName()).put("organization", entry.organizationIds().isEmpty() ? null
                    : listing.header().organizations().get(entry.organizationIds().get(0)));
        }
        return json;
    }

    private static JsonArray teams(List<TeamRow> teams, EntryDirectory.Listing listing) {
        JsonArray array = new JsonArray();
        for (TeamRow team : teams) {
            String name = team.teamId();
            if (name.startsWith("org:")) {
                name = listing.header().organizations().getOrDefault(Long.parseLong(name.substring(4)), name);
            }
            JsonArray members = new JsonArray();
            team.members().forEach(m -> members.add(code(m, listing)));
            array.add(new JsonObject().put("team", name).put("rank", team.rank()).put("tied", team.tied())
                    .put("total", team.total()).put("members", members));
        }
        return array;
    }

    private static String code(String entryId, EntryDirectory.Listing listing) {
        EventEntry entry = listing.entries().get(entryId);
        return entry == null ? "?" + entryId : entry.entryCode();
    }
}
