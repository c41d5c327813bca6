package io.jiangxin.judging;

import io.jiangxin.engine.awards.Awards;
import io.jiangxin.engine.ranking.RankedEntry;
import io.jiangxin.engine.ranking.Ranking;
import io.jiangxin.engine.ranking.RankingResult;
import io.jiangxin.engine.ranking.TeamRanking;
import io.jiangxin.engine.scheme.AwardBand;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.sheet.EntryStatus;
import io.jiangxin.engine.sheet.SheetResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a board from sheet results with the engine's ranking, awards and team ranking. */
final class BoardBuilder {

    private BoardBuilder() {
    }

    /** A sheet on a board, with what its line should say about it. */
    record Line(SheetResult result, String status) {
    }

    static List<BoardRow> rows(MarkingScheme scheme, List<Line> lines) {
        Map<String, String> statusById = new java.util.HashMap<>();
        lines.forEach(l -> statusById.put(l.result().entryId(), l.status()));
        RankingResult ranking = Ranking.rank(lines.stream().map(Line::result).toList(), scheme.ranking());
        Map<String, AwardBand> awards = scheme.awards().isEmpty() ? Map.of() : Awards.assign(ranking, scheme.awards());
        List<BoardRow> rows = new ArrayList<>();
        List<RankedEntry> unranked = new ArrayList<>();
        for (RankedEntry entry : ranking.entries()) {
            if (entry.rank() == null) {
                unranked.add(entry);
                continue;
            }
            AwardBand award = awards.get(entry.entryId());
            rows.add(new BoardRow(entry.entryId(), rows.size() + 1, entry.rank(), entry.tied(),
                    plain(entry.sheet().total()), statusById.get(entry.entryId()), award == null ? null : award.code()));
        }
        for (RankedEntry entry : unranked) {
            boolean disqualified = entry.sheet().status() == EntryStatus.DISQUALIFIED;
            rows.add(new BoardRow(entry.entryId(), rows.size() + 1, null, false, plain(entry.sheet().total()),
                    disqualified ? "DISQUALIFIED" : statusById.get(entry.entryId()), null));
        }
        return rows;
    }

    static List<TeamRow> teams(MarkingScheme scheme, List<Line> lines) {
        if (scheme.team() == null || lines.stream().noneMatch(l -> l.result().teamId() != null)) {
            return List.of();
        }
        return TeamRanking.rank(lines.stream().map(Line::result).filter(r -> r.teamId() != null).toList(),
                        scheme.team()).stream()
                .map(t -> new TeamRow(t.teamId(), t.rank(), t.tied(), plain(t.total()), t.countedMembers()))
                .toList();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
