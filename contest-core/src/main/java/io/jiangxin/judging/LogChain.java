package io.jiangxin.judging;

import java.util.List;

/** An event's whole log and its chain head, read in one statement so that both are of one moment. */
public record LogChain(ChainHead head, List<LogEntry> entries) {

    /** Where the log breaks against itself or its head, if anywhere. */
    public java.util.Optional<String> firstBreak() {
        return HashChain.firstBreak(entries, head.lastSeq(), head.lastHash());
    }
}
