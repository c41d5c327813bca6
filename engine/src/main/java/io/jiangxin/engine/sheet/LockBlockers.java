package io.jiangxin.engine.sheet;

import java.util.ArrayList;
import java.util.List;

/** The reasons one aspect keeps its sheet from locking. */
final class LockBlockers {

    private LockBlockers() {
    }

    static List<LockBlocker> of(AspectResult aspect) {
        List<LockBlocker> blockers = new ArrayList<>();
        String id = aspect.aspectId();
        if (!aspect.isComplete()) {
            int marked = aspect.countedMarks().size();
            blockers.add(new LockBlocker(id, "BELOW_QUORUM",
                    "评分人数 " + marked + " 不足法定人数 " + aspect.quorum(),
                    marked + " of the required " + aspect.quorum() + " judges have marked"));
        }
        if (aspect.hasFlag(AspectFlag.DISAGREEMENT)) {
            blockers.add(new LockBlocker(id, "DISAGREEMENT",
                    "评分分歧超出限值,需裁判长要求重评或改判",
                    "the marks differ beyond the limit; the head judge must ask for re-marks or override"));
        }
        if (aspect.hasFlag(AspectFlag.PANEL_EXCEEDS_SUM_QUORUM)) {
            blockers.add(new LockBlocker(id, "PANEL_EXCEEDS_SUM_QUORUM",
                    "求和规则下评分人数多于法定人数,需裁判长改判",
                    "more judges marked than a SUM aspect's quorum; the head judge must override"));
        }
        return blockers;
    }
}
