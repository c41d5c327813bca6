package io.jiangxin.push;

import io.jiangxin.judging.BoardDelta;
import io.jiangxin.judging.BoardRow;
import io.jiangxin.judging.BoardView;
import io.jiangxin.judging.TeamRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A board delta as the board-change notice carries it between nodes: every field, losslessly (totals stay the
 * strings the fold printed). Not the viewers' format, which adds names and leaves out what they need not see.
 */
final class DeltaWire {

    private DeltaWire() {
    }

    static JsonArray encode(List<BoardDelta> deltas) {
        JsonArray out = new JsonArray();
        for (BoardDelta delta : deltas) {
            JsonArray rows = new JsonArray();
            delta.rows().forEach(r -> rows.add(new JsonArray().add(r.entryId()).add(r.position()).add(r.rank())
                    .add(r.tied()).add(r.total()).add(r.status()).add(r.award()).add(r.normalised())
                    .add(r.advances()).add(r.combined())));
            JsonArray teams = null;
            if (delta.teams() != null) {
                teams = new JsonArray();
                for (TeamRow t : delta.teams()) {
                    teams.add(new JsonArray().add(t.teamId()).add(t.rank()).add(t.tied()).add(t.total())
                            .add(new JsonArray(new ArrayList<>(t.members()))));
                }
            }
            out.add(new JsonObject().put("view", delta.view().name()).put("from", delta.from())
                    .put("version", delta.version()).put("rows", rows)
                    .put("removed", new JsonArray(new ArrayList<>(delta.removed()))).put("teams", teams)
                    .put("frozen", delta.frozen()).put("revealed", delta.revealed()));
        }
        return out;
    }

    /** The deltas, or null when the notice carries none (a node of an earlier release sent it). */
    static List<BoardDelta> decode(JsonArray wire) {
        if (wire == null) {
            return null;
        }
        List<BoardDelta> deltas = new ArrayList<>(wire.size());
        for (int i = 0; i < wire.size(); i++) {
            JsonObject d = wire.getJsonObject(i);
            List<BoardRow> rows = new ArrayList<>();
            JsonArray rowsWire = d.getJsonArray("rows");
            for (int r = 0; r < rowsWire.size(); r++) {
                JsonArray row = rowsWire.getJsonArray(r);
                rows.add(new BoardRow(row.getString(0), row.getInteger(1), row.getInteger(2), row.getBoolean(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getBoolean(8),
                        row.getString(9)));
            }
            List<TeamRow> teams = null;
            JsonArray teamsWire = d.getJsonArray("teams");
            if (teamsWire != null) {
                teams = new ArrayList<>();
                for (int t = 0; t < teamsWire.size(); t++) {
                    JsonArray team = teamsWire.getJsonArray(t);
                    List<String> members = new ArrayList<>();
                    team.getJsonArray(4).forEach(m -> members.add((String) m));
                    teams.add(new TeamRow(team.getString(0), team.getInteger(1), team.getBoolean(2),
                            team.getString(3), members));
                }
            }
            List<String> removed = new ArrayList<>();
            d.getJsonArray("removed").forEach(e -> removed.add((String) e));
            deltas.add(new BoardDelta(BoardView.valueOf(d.getString("view")), d.getLong("from"), d.getLong("version"),
                    rows, removed, teams, d.getBoolean("frozen"), d.getString("revealed")));
        }
        return deltas;
    }
}
