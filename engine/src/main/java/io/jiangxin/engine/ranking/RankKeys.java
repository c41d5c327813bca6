package io.jiangxin.engine.ranking;

import io.jiangxin.engine.scheme.Order;
import io.jiangxin.engine.scheme.RankingConfig;
import io.jiangxin.engine.scheme.TieBreak;
import io.jiangxin.engine.sheet.ModuleResult;
import io.jiangxin.engine.sheet.PartResult;
import io.jiangxin.engine.sheet.SheetResult;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds an entry's {@link RankKey} from its sheet and the event's tie-break chain. */
public final class RankKeys {

    private RankKeys() {
    }

    public static RankKey of(SheetResult sheet, RankingConfig config) {
        List<BigDecimal> components = new ArrayList<>();
        components.add(sheet.rankingScore().negate());
        for (TieBreak link : config.tieBreaks()) {
            components.add(component(sheet, link));
        }
        return new RankKey(components);
    }

    private static BigDecimal component(SheetResult sheet, TieBreak link) {
        if (link instanceof TieBreak.PartScore p) {
            return oriented(sheet.part(p.partId()).map(PartResult::score).orElse(null), p.order());
        }
        if (link instanceof TieBreak.ModuleTotal m) {
            return oriented(sheet.module(m.moduleId()).map(ModuleResult::total).orElse(null), m.order());
        }
        return sheet.time() == null ? null : seconds(sheet.time().netTime());
    }

    private static BigDecimal oriented(BigDecimal value, Order order) {
        if (value == null) {
            return null;
        }
        return order == Order.HIGHER_FIRST ? value.negate() : value;
    }

    /** Exact seconds of a duration, or {@code null}. */
    public static BigDecimal seconds(Duration duration) {
        if (duration == null) {
            return null;
        }
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9)).stripTrailingZeros();
    }
}
