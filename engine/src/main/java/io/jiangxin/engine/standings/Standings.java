package io.jiangxin.engine.standings;

import io.jiangxin.engine.awards.Advancement;
import io.jiangxin.engine.awards.Awards;
import io.jiangxin.engine.ranking.Ranking;
import io.jiangxin.engine.ranking.RankingResult;
import io.jiangxin.engine.ranking.TeamRanking;
import io.jiangxin.engine.ranking.TeamResult;
import io.jiangxin.engine.scheme.AwardBand;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.sheet.SheetResult;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scored sheets ranked: the ranking, the award each entry would earn, who advances and the team ranks.
 *
 * @param advancing entry ids that advance, in ranking order, or null when the scheme has no advancement rule
 * @param teams     team ranks, or null when the scheme ranks no teams
 */
public record Standings(RankingResult ranking, Map<String, AwardBand> awards, Set<String> advancing,
                        List<TeamResult> teams) {

    /** @param scored sheets from {@link ScoredRound#sheets()}, all of them or the subset a board shows */
    public static Standings of(MarkingScheme scheme, List<SheetResult> scored) {
        RankingResult ranking = Ranking.rank(scored, scheme.ranking());
        Map<String, AwardBand> awards = Awards.assign(ranking, scheme.awards());
        Set<String> advancing = scheme.advancement() == null ? null
                : Collections.unmodifiableSet(new LinkedHashSet<>(Advancement.select(ranking, scheme.advancement())));
        List<TeamResult> teams = scheme.team() == null ? null : TeamRanking.rank(scored, scheme.team());
        return new Standings(ranking, awards, advancing, teams);
    }

    /** Whether the entry advances; null when the scheme has no advancement rule. */
    public Boolean advances(String entryId) {
        return advancing == null ? null : advancing.contains(entryId);
    }
}
