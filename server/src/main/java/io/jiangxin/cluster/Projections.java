package io.jiangxin.cluster;

import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.AspectType;
import io.jiangxin.engine.sheet.AspectFlag;
import io.jiangxin.engine.sheet.AspectResult;
import io.jiangxin.engine.sheet.SheetResult;
import io.jiangxin.judging.BoardView;
import io.jiangxin.judging.EventJudging;
import io.jiangxin.judging.SheetLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;

/** The read models of an event's live state, each computed where the state lives and shipped as JSON. */
public final class Projections {

    private Projections() {
    }

    /** Per entry, how far one judge has marked: {marked, expected, awaitsRemark, locked}. */
    public record JudgeProgress(String judgeId) implements LiveView.Projection<String> {
        @Override
        public String apply(EventJudging state) {
            List<Aspect> markable = markable(state);
            JsonObject byEntry = new JsonObject();
            state.sheets().forEach((entryId, sheet) -> {
                long marked = markable.stream().filter(a -> sheet.markOf(a.id(), judgeId).isPresent()).count();
                byEntry.put(entryId, new JsonObject().put("marked", marked).put("expected", markable.size())
                        .put("awaitsRemark", sheet.awaitsRemarkFrom(judgeId)).put("locked", sheet.locked()));
            });
            return new JsonObject().put("version", state.version()).put("expected", markable.size())
                    .put("entries", byEntry).encode();
        }
    }

    /** One judge's own current marks on one sheet, with each aspect's round; never the other judges' marks. */
    public record JudgeSheet(String entryId, String judgeId) implements LiveView.Projection<String> {
        @Override
        public String apply(EventJudging state) {
            SheetLog sheet = state.sheet(entryId);
            JsonArray marks = new JsonArray();
            for (Aspect aspect : markable(state)) {
                marks.add(new JsonObject().put("aspectId", aspect.id()).put("round", sheet.roundOf(aspect.id()))
                        .put("value", sheet.markOf(aspect.id(), judgeId).map(BigDecimal::toPlainString).orElse(null)));
            }
            return new JsonObject().put("version", state.version()).put("locked", sheet.locked())
                    .put("signedOff", state.signedOff()).put("marks", marks).encode();
        }
    }

    /** The head judge's panel matrix: entries × aspects × judges, with the engine's flags and lock blockers. */
    public record PanelMatrix() implements LiveView.Projection<String> {
        @Override
        public String apply(EventJudging state) {
            JsonObject entries = new JsonObject();
            state.sheets().forEach((entryId, sheet) -> entries.put(entryId, sheet(state, entryId, sheet)));
            return new JsonObject().put("version", state.version()).put("signedOff", state.signedOff())
                    .put("entries", entries).encode();
        }
    }

    /**
     * The jury's ranking: every sheet that is not disqualified, in rank order, with its status, its raw total and
     * (when the scheme normalises) the normalised score it ranks on, its award and whether it advances.
     */
    public record Standings() implements LiveView.Projection<String> {
        @Override
        public String apply(EventJudging state) {
            JsonArray rows = new JsonArray();
            io.jiangxin.engine.standings.Standings standings = state.standings();
            io.jiangxin.engine.standings.ScoredRound scored = state.scored();
            int position = 0;
            for (io.jiangxin.engine.ranking.RankedEntry entry : standings.ranking().entries()) {
                if (entry.rank() == null) {
                    continue;
                }
                SheetResult result = entry.sheet();
                io.jiangxin.engine.scheme.AwardBand award = standings.awards().get(entry.entryId());
                rows.add(new JsonObject().put("rank", entry.rank()).put("position", ++position)
                        .put("entryId", entry.entryId()).put("total", plain(result.total()))
                        .put("normalised", plain(scored.normalised(entry.entryId())))
                        .put("complete", result.complete()).put("locked", state.sheet(entry.entryId()).locked())
                        .put("status", result.status().name()).put("passed", result.passed())
                        .put("award", award == null ? null : award.code())
                        .put("advances", standings.advances(entry.entryId())));
                if (scored.roundTotals() != null) {
                    // 多轮合成: each round's own score and the weighted score the entry ranks on
                    JsonObject rounds = new JsonObject();
                    scored.roundTotals().get(entry.entryId()).forEach((round, total) -> rounds.put(round, plain(total)));
                    rows.getJsonObject(rows.size() - 1).put("rounds", rounds)
                            .put("combined", plain(result.rankingScore()));
                }
            }
            return new JsonObject().put("version", state.version()).put("signedOff", state.signedOff())
                    .put("normalised", state.scheme().normalisation() != null)
                    .put("combinesRounds", state.scheme().rounds() != null)
                    .put("rows", rows).encode();
        }
    }

    /**
     * A board since a version: its deltas, or its snapshot when {@code since} is negative or too old.
     */
    public record BoardSince(io.jiangxin.judging.BoardView view, long since) implements LiveView.Projection<BoardUpdate> {
        @Override
        public BoardUpdate apply(EventJudging state) {
            var board = state.board(view);
            var deltas = since < 0 ? null : board.since(since);
            var snapshot = deltas == null ? board.snapshot(state.policy(), state.signedOff()) : null;
            return new BoardUpdate(board.version(), deltas, snapshot, state.revealsLeft());
        }
    }

    /** The state's version alone. */
    public record Version() implements LiveView.Projection<Long> {
        @Override
        public Long apply(EventJudging state) {
            return state.version();
        }
    }

    /** Entry id → the sheet's full result, for replay checks and exports. */
    public record AllResults() implements LiveView.Projection<HashMap<String, String>> {
        @Override
        public HashMap<String, String> apply(EventJudging state) {
            HashMap<String, String> all = new HashMap<>();
            state.sheets().forEach((entryId, sheet) -> all.put(entryId, sheet(state, entryId, sheet).encode()));
            all.put("version", String.valueOf(state.version()));
            return all;
        }
    }

    static JsonObject sheet(EventJudging state, String entryId, SheetLog sheet) {
        SheetResult result = state.result(entryId);
        JsonObject aspects = new JsonObject();
        for (AspectResult aspect : result.aspects()) {
            JsonObject marks = new JsonObject();
            sheet.marksOf(aspect.aspectId()).forEach((judge, value) -> marks.put(judge, value.toPlainString()));
            JsonArray flags = new JsonArray();
            aspect.flags().stream().map(AspectFlag::name).forEach(flags::add);
            aspects.put(aspect.aspectId(), new JsonObject().put("type", aspect.type().name())
                    .put("status", aspect.status().name())
                    .put("value", plain(aspect.value())).put("spread", plain(aspect.spread()))
                    .put("round", aspect.markingRound()).put("quorum", aspect.quorum()).put("flags", flags)
                    .put("overrideReason", aspect.overrideReason()).put("marks", marks));
        }
        JsonArray blockers = new JsonArray();
        result.lockBlockers().forEach(b -> blockers.add(new JsonObject().put("aspectId", b.aspectId())
                .put("code", b.code()).put("reason", b.message())));
        return new JsonObject().put("total", plain(result.total())).put("status", result.status().name())
                .put("complete", result.complete()).put("lockable", result.lockable()).put("locked", sheet.locked())
                .put("passed", result.passed()).put("blockers", blockers).put("aspects", aspects)
                .put("time", time(result.time()));
    }

    /** The recorded time as the head judge reads it (seconds, and the points its overrun cost), or null. */
    static JsonObject time(io.jiangxin.engine.sheet.TimeResult time) {
        if (time == null || time.completionTime() == null) {
            return null;
        }
        return new JsonObject().put("completionSeconds", time.completionTime().toSeconds())
                .put("extraSeconds", time.extraTime() == null ? 0 : time.extraTime().toSeconds())
                .put("netSeconds", time.netTime() == null ? null : time.netTime().toSeconds())
                .put("overrunSeconds", time.overrun() == null ? null : time.overrun().toSeconds())
                .put("deduction", plain(time.deduction()));
    }

    static List<Aspect> markable(EventJudging state) {
        return state.scheme().aspects().stream().filter(a -> a.type() != AspectType.DEDUCTION).toList();
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
