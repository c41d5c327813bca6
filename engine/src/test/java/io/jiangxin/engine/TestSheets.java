package io.jiangxin.engine;

import io.jiangxin.engine.sheet.EntryStatus;
import io.jiangxin.engine.sheet.ModuleResult;
import io.jiangxin.engine.sheet.PartResult;
import io.jiangxin.engine.sheet.SheetResult;
import io.jiangxin.engine.sheet.TimeResult;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static io.jiangxin.engine.TestSchemes.d;

/** Hand-made sheet results for ranking, award and leaderboard tests. */
public final class TestSheets {

    private TestSheets() {
    }

    /** A sheet with a total, a practical and theory part score, a module total and a net time (seconds, or null). */
    public static SheetResult sheet(String id, String total, String practical, String theory, Integer seconds) {
        return sheet(id, null, total, practical, theory, seconds, EntryStatus.OK);
    }

    public static SheetResult sheet(String id, String team, String total, String practical, String theory, Integer seconds,
                             EntryStatus status) {
        Duration time = seconds == null ? null : Duration.ofSeconds(seconds);
        return new SheetResult(id, team, status, List.of(), List.of(new ModuleResult("m1", d(practical), d("100"), false)),
                List.of(new PartResult("practical", d(practical), d("100"), d(practical), d("70"), null),
                        new PartResult("theory", d(theory), d("100"), d(theory), d("30"), null)),
                d(total), d(total), true, List.of(), List.of(), new TimeResult(time, Duration.ZERO, time, Duration.ZERO, BigDecimal.ZERO), null);
    }

}
