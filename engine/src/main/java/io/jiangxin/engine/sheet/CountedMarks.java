package io.jiangxin.engine.sheet;

import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.MarkRejection;
import io.jiangxin.engine.scheme.MarkingScheme;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Selects, per aspect, the marks that count: those of the aspect's current marking round (the latest
 * re-mark round requested, else 0), one per judge. Reports every invalid mark instead of guessing.
 */
final class CountedMarks {

    private final Map<String, Integer> currentRound = new HashMap<>();
    private final Map<String, SortedMap<String, BigDecimal>> byAspect = new HashMap<>();

    private CountedMarks() {
    }

    static CountedMarks select(MarkingScheme scheme, SheetInput input, List<String> problems) {
        CountedMarks counted = new CountedMarks();
        for (RemarkRequest request : input.remarkRequests()) {
            if (scheme.aspect(request.aspectId()).isEmpty()) {
                problems.add("重评请求的评分项 " + request.aspectId() + " 不存在 / re-mark request for unknown aspect "
                        + request.aspectId());
            } else if (request.round() < 1) {
                problems.add("重评轮次必须从 1 开始:" + request.aspectId() + " / re-mark rounds start at 1: "
                        + request.aspectId());
            } else {
                counted.currentRound.merge(request.aspectId(), request.round(), Math::max);
            }
        }
        for (RawMark mark : input.marks()) {
            counted.accept(scheme, mark, problems);
        }
        return counted;
    }

    private void accept(MarkingScheme scheme, RawMark mark, List<String> problems) {
        String where = mark.aspectId() + "/" + mark.judgeId();
        Optional<Aspect> aspect = scheme.aspect(mark.aspectId());
        if (aspect.isEmpty()) {
            problems.add("评分项 " + mark.aspectId() + " 不存在 / unknown aspect " + mark.aspectId());
            return;
        }
        Optional<MarkRejection> rejection = aspect.get().checkMark(mark.value());
        if (rejection.isPresent()) {
            problems.add(where + ": " + rejection.get().message());
            return;
        }
        int round = roundOf(mark.aspectId());
        if (mark.markingRound() > round || mark.markingRound() < 0) {
            problems.add(where + ": 第 " + mark.markingRound() + " 轮重评未被请求 / re-mark round "
                    + mark.markingRound() + " was not requested");
            return;
        }
        if (mark.markingRound() < round) {
            return;
        }
        SortedMap<String, BigDecimal> marks = byAspect.computeIfAbsent(mark.aspectId(), k -> new TreeMap<>());
        BigDecimal previous = marks.putIfAbsent(mark.judgeId(), mark.value());
        if (previous != null && previous.compareTo(mark.value()) != 0) {
            problems.add(where + ": 同一裁判同一轮有两个不同分值 " + io.jiangxin.engine.numeric.Decimals.plain(previous) + " 和 "
                    + io.jiangxin.engine.numeric.Decimals.plain(mark.value()) + " / two different marks from the same judge in the same round");
        }
    }

    int roundOf(String aspectId) {
        return currentRound.getOrDefault(aspectId, 0);
    }

    SortedMap<String, BigDecimal> of(String aspectId) {
        return Collections.unmodifiableSortedMap(byAspect.getOrDefault(aspectId, new TreeMap<>()));
    }
}
