package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Projections;
import io.jiangxin.engine.scheme.AwardBand;
import io.jiangxin.judging.BoardRow;
import io.jiangxin.judging.BoardSnapshot;
import io.jiangxin.judging.BoardView;
import io.jiangxin.judging.TeamRow;
import io.jiangxin.results.EventResult;
import io.jiangxin.results.ResultLine;
import io.jiangxin.results.TeamResultLine;
import io.jiangxin.storage.ResultStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an event's results: the jury board of the live state (the engine's ranking and awards, the same on every
 * node) joined with who each entry is. Publication, exports and certificates all print from this one read.
 */
public final class EventResults {

    private final ResultStore store;
    private final LiveEvents live;
    private final Schemes schemes;

    public EventResults(ResultStore store, LiveEvents live, Schemes schemes) {
        this.store = store;
        this.live = live;
        this.schemes = schemes;
    }

    public Future<EventResult> of(long eventId) {
        return store.header(store.pool(), eventId).compose(header -> {
            if (header.schemeJson() == null) {
                throw new Problem(ErrorCode.NO_SCHEME, "该赛项尚未设置评分标准，没有成绩 / the event has no marking scheme,"
                        + " so no results");
            }
            Map<String, AwardBand> bands = new HashMap<>();
            io.jiangxin.engine.scheme.MarkingScheme scheme = schemes.of(header.schemeJson());
            scheme.awards().forEach(b -> bands.put(b.code(), b));
            Future<BoardSnapshot> board = live.view(eventId, new Projections.BoardSince(BoardView.JURY, -1))
                    .map(update -> update.snapshot());
            return Future.all(board, store.entrants(store.pool(), eventId)).compose(loaded -> {
                BoardSnapshot snapshot = loaded.resultAt(0);
                Map<Long, ResultStore.Entrant> entrants = loaded.resultAt(1);
                List<Long> organizationIds = snapshot.teams().stream().map(t -> organizationId(t.teamId())).toList();
                return store.organizationNames(store.pool(), organizationIds).map(names -> new EventResult(
                        header.eventId(), header.eventName(), header.trade(), header.contestId(), header.contestName(),
                        header.contestKind(), header.level(), header.contestClass(), header.year(),
                        snapshot.signedOff() ? header.signedOffAt() : null, snapshot.version(),
                        lines(snapshot.rows(), entrants, bands, scheme.advancement()),
                        teams(snapshot.teams(), entrants, names),
                        header.logSeq(), header.logHash()));
            });
        });
    }

    /** Every event of the contest, in id order; events without a scheme are left out. */
    public Future<List<EventResult>> ofContest(long contestId) {
        return store.eventsOfContest(store.pool(), contestId).compose(ids -> {
            List<Future<EventResult>> reads = new ArrayList<>();
            for (long id : ids) {
                reads.add(of(id).recover(e -> e instanceof Problem p && "NO_SCHEME".equals(p.code())
                        ? Future.succeededFuture(null) : Future.failedFuture(e)));
            }
            return Future.all(reads).map(done -> reads.stream().map(Future::result)
                    .filter(r -> r != null).toList());
        });
    }

    private static List<ResultLine> lines(List<BoardRow> rows, Map<Long, ResultStore.Entrant> entrants,
                                          Map<String, AwardBand> bands,
                                          io.jiangxin.engine.scheme.AdvancementRule advancement) {
        List<ResultLine> lines = new ArrayList<>();
        for (BoardRow row : rows) {
            ResultStore.Entrant entrant = entrants.get(Long.parseLong(row.entryId()));
            if (entrant == null) {
                continue;
            }
            AwardBand band = row.award() == null ? null : bands.get(row.award());
            ResultLine.Award award = band == null ? null : new ResultLine.Award(band.code(), band.nameZh(), band.nameEn(),
                    band.criterion() instanceof io.jiangxin.engine.scheme.AwardCriterion.Passed);
            String name = entrant.teamName() != null ? entrant.teamName()
                    : entrant.members().isEmpty() ? "" : entrant.members().get(0).name();
            lines.add(new ResultLine(row.position(), row.rank(), row.tied(), entrant.registrationId(),
                    entrant.entryCode(), entrant.station(), name, entrant.teamName(), entrant.members(), row.total(),
                    row.status(), award, row.normalised(), row.advances(), row.combined(),
                    Boolean.TRUE.equals(row.advances()) ? Advancements.reason(advancement, new io.vertx.core.json.JsonObject()
                            .put("rank", row.rank()).put("total", row.total()).put("normalised", row.normalised())
                            .put("combined", row.combined())) : null));
        }
        return lines;
    }

    private static List<TeamResultLine> teams(List<TeamRow> rows, Map<Long, ResultStore.Entrant> entrants,
                                              Map<Long, String> names) {
        List<TeamResultLine> teams = new ArrayList<>();
        for (TeamRow row : rows) {
            long organizationId = organizationId(row.teamId());
            List<String> codes = row.members().stream().map(id -> entrants.get(Long.parseLong(id)))
                    .filter(e -> e != null).map(ResultStore.Entrant::entryCode).toList();
            teams.add(new TeamResultLine(row.rank(), row.tied(), organizationId,
                    names.getOrDefault(organizationId, ""), row.total(), codes));
        }
        return teams;
    }

    /** Team boards group entries by enterprise under the key {@code org:ID} (see {@code LiveEvents.rebuild}). */
    private static long organizationId(String teamKey) {
        return Long.parseLong(teamKey.substring(teamKey.indexOf(':') + 1));
    }
}
