package io.jiangxin.judging;

import io.jiangxin.engine.ranking.RankedEntry;
import io.jiangxin.engine.scheme.AwardBand;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.sheet.EntryStatus;
import io.jiangxin.engine.sheet.SheetResult;
import io.jiangxin.engine.standings.Standings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a board from scored sheet results with the engine's {@link Standings}: the same ranking, awards,
 * advancement and team ranking as {@code evaluate}.
 */
final class BoardBuilder {

    private BoardBuilder() {
    }

    /**
     * A sheet on a board, with what its line should say about it.
     *
     * @param result     the sheet scored by {@code ScoredRound} (its ranking score may be normalised)
     * @param normalised the normalised score to show, or null
     */
    record Line(SheetResult result, String status, BigDecimal normalised) {
    }

    static List<BoardRow> rows(MarkingScheme scheme, List<Line> lines) {
        Map<String, String> statusById = new java.util.HashMap<>();
        lines.forEach(l -> statusById.put(l.result().entryId(), l.status()));
        Map<String, BigDecimal> normalised = new java.util.HashMap<>();
        lines.forEach(l -> normalised.put(l.result().entryId(), l.normalised()));
        Standings standings = Standings.of(scheme, lines.stream().map(Line::result).toList());
        Map<String, AwardBand> awards = standings.awards();
        List<BoardRow> rows = new ArrayList<>();
        List<RankedEntry> unranked = new ArrayList<>();
        for (RankedEntry entry : standings.ranking().entries()) {
            if (entry.rank() == null) {
                unranked.add(entry);
                continue;
            }
            AwardBand award = awards.get(entry.entryId());
            rows.add(new BoardRow(entry.entryId(), rows.size() + 1, entry.rank(), entry.tied(),
                    plain(entry.sheet().total()), statusById.get(entry.entryId()), award == null ? null : award.code(),
                    plain(normalised.get(entry.entryId())), standings.advances(entry.entryId()),
                    combined(scheme, entry)));
        }
        for (RankedEntry entry : unranked) {
            boolean disqualified = entry.sheet().status() == EntryStatus.DISQUALIFIED;
            rows.add(new BoardRow(entry.entryId(), rows.size() + 1, null, false, plain(entry.sheet().total()),
                    disqualified ? "DISQUALIFIED" : statusById.get(entry.entryId()), null,
                    plain(normalised.get(entry.entryId())), standings.advances(entry.entryId()),
                    combined(scheme, entry)));
        }
        return rows;
    }

    /** The weighted rounds' score the entry ranks on, when the scheme combines rounds. */
    private static String combined(MarkingScheme scheme, RankedEntry entry) {
        return scheme.rounds() == null ? null : plain(entry.sheet().rankingScore());
    }

    static List<TeamRow> teams(MarkingScheme scheme, List<Line> lines) {
        if (scheme.team() == null || lines.stream().noneMatch(l -> l.result().teamId() != null)) {
            return List.of();
        }
        return Standings.of(scheme, lines.stream().map(Line::result).toList()).teams().stream()
                .map(t -> new TeamRow(t.teamId(), t.rank(), t.tied(), plain(t.total()), t.countedMembers()))
                .toList();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
