package io.jiangxin.results;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An event's results as the jury board ranks them, with the names, enterprises and awards a union office prints.
 * {@code signedOffAt} is null while the head judge has not signed off; such results are provisional.
 * {@code logSeq} and {@code logHash} name the score log's head when they were read: printed on the 公示 and the
 * exports, they let anyone holding a printout check later that the log still holds that record.
 */
public record EventResult(long eventId, String eventName, String trade, long contestId, String contestName,
                          String contestKind, String level, String contestClass, int year, Instant signedOffAt,
                          long version, List<ResultLine> lines, List<TeamResultLine> teams, long logSeq,
                          String logHash) {

    public EventResult {
        lines = List.copyOf(lines);
        teams = List.copyOf(teams);
    }

    public boolean signedOff() {
        return signedOffAt != null;
    }

    /** The lines that earned an award band, in rank order. */
    public List<ResultLine> awarded() {
        return lines.stream().filter(l -> l.award() != null).toList();
    }

    /** The log head as printed: 评分日志第 N 条记录 · SHA-256. */
    public String logAnchor() {
        return "评分日志 score log: 第 " + logSeq + " 条记录 record " + logSeq + " · SHA-256 " + logHash;
    }

    public Optional<ResultLine> line(String entryCode) {
        return lines.stream().filter(l -> l.entryCode().equals(entryCode)).findFirst();
    }
}
