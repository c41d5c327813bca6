package io.jiangxin.engine.ranking;

import io.jiangxin.engine.numeric.Decimals;
import io.jiangxin.engine.scheme.TeamRankingConfig;
import io.jiangxin.engine.scheme.TeamTieBreak;
import io.jiangxin.engine.sheet.SheetResult;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Team (团体) ranking: each team's total is the sum of its best {@code countedMembers} members' ranking
 * scores (members compared by score, then shorter net time, then entry id, so the choice is deterministic);
 * then the team tie-break chain; then the tie stands, or is broken by team id inside the no-ties places.
 * Entries without a team and disqualified members are ignored.
 */
public final class TeamRanking {

    private static final Comparator<SheetResult> BEST_MEMBER_FIRST = Comparator
            .comparing(SheetResult::rankingScore, Comparator.reverseOrder())
            .thenComparing(s -> RankKeys.seconds(s.time() == null ? null : s.time().netTime()),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SheetResult::entryId);

    private TeamRanking() {
    }

    public static List<TeamResult> rank(List<SheetResult> sheets, TeamRankingConfig config) {
        Placements.requireUnique(sheets.stream().map(SheetResult::entryId).toList());
        Map<String, List<SheetResult>> members = new TreeMap<>();
        for (SheetResult sheet : sheets) {
            if (sheet.teamId() != null && !sheet.disqualified()) {
                members.computeIfAbsent(sheet.teamId(), t -> new ArrayList<>()).add(sheet);
            }
        }
        Map<String, RankKey> keys = new TreeMap<>();
        Map<String, List<SheetResult>> counted = new TreeMap<>();
        Map<String, BigDecimal> totals = new TreeMap<>();
        Map<String, Duration> times = new TreeMap<>();
        members.forEach((team, list) -> {
            List<SheetResult> best = list.stream().sorted(BEST_MEMBER_FIRST).limit(config.countedMembers()).toList();
            BigDecimal total = Decimals.sum(best.stream().map(SheetResult::rankingScore).toList());
            Duration time = totalTime(best);
            List<BigDecimal> components = new ArrayList<>();
            components.add(total.negate());
            for (TeamTieBreak link : config.tieBreaks()) {
                components.add(switch (link) {
                    case TOTAL_TIME -> RankKeys.seconds(time);
                    case BEST_MEMBER -> best.get(0).rankingScore().negate();
                });
            }
            keys.put(team, new RankKey(components));
            counted.put(team, best);
            totals.put(team, total);
            times.put(team, time);
        });
        List<TeamResult> results = new ArrayList<>();
        for (Placement p : Placements.place(keys, config.noTiesWithinPlaces())) {
            String team = p.entryId();
            results.add(new TeamResult(team, p.rank(), p.tied(), p.brokenByFinalKey(), totals.get(team),
                    counted.get(team).stream().map(SheetResult::entryId).toList(), times.get(team)));
        }
        return results;
    }

    private static Duration totalTime(List<SheetResult> members) {
        Duration sum = Duration.ZERO;
        for (SheetResult member : members) {
            if (member.time() == null || member.time().netTime() == null) {
                return null;
            }
            sum = sum.plus(member.time().netTime());
        }
        return sum;
    }
}
