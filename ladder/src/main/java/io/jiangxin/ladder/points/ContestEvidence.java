package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;

/** A signed-off contest result, at a given revision (0 = as signed off, +1 per appeal ruling that changed it). */
public record ContestEvidence(String eventId, Level level, ContestClass contestClass, int rank, String award,
                              int revision) implements Evidence {

    @Override
    public EvidenceKind kind() {
        return EvidenceKind.CONTEST_RESULT;
    }

    @Override
    public String sourceId() {
        return eventId + "/rev-" + revision;
    }

    @Override
    public String qualifier() {
        return "";
    }

    @Override
    public BilingualText describe() {
        BilingualText level = ContestClass.describe(this.level, contestClass);
        return BilingualText.of(
                level.zh() + "赛项 " + eventId + " 第 " + rank + " 名" + (revision > 0 ? "（第 " + revision + " 次更正）" : ""),
                level.en() + " event " + eventId + " rank " + rank + (revision > 0 ? " (revision " + revision + ")" : ""));
    }
}
