package io.jiangxin.results;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An event's results as the jury board ranks them, with the names, enterprises and awards a union office prints.
 * {@code signedOffAt} is null while the head judge has not signed off; such results are provisional.
 */
public record EventResult(long eventId, String eventName, String trade, long contestId, String contestName,
                          String contestKind, String level, String contestClass, int year, Instant signedOffAt,
                          long version, List<ResultLine> lines, List<TeamResultLine> teams) {

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

    public Optional<ResultLine> line(String entryCode) {
        return lines.stream().filter(l -> l.entryCode().equals(entryCode)).findFirst();
    }
}
