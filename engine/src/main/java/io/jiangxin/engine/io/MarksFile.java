package io.jiangxin.engine.io;

import io.jiangxin.engine.sheet.SheetInput;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A raw-marks file after reading and checking against its scheme: one {@link SheetInput} per entry, in file
 * order, plus each entry's totals from other rounds (empty unless the scheme combines rounds).
 */
public record MarksFile(List<SheetInput> sheets, Map<String, Map<String, BigDecimal>> priorRoundTotals) {

    public MarksFile {
        sheets = List.copyOf(sheets);
        priorRoundTotals = Map.copyOf(priorRoundTotals);
    }
}
