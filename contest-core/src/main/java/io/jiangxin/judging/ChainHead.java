package io.jiangxin.judging;

/** The last record of an event's log, locked for this transaction. */
public record ChainHead(long eventId, long lastSeq, String lastHash) {
}
