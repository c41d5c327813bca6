package io.jiangxin.judging;

import io.jiangxin.auth.Secrets;
import java.util.List;
import java.util.Optional;

/** The tamper-evident link between log records: each hash covers the previous hash and the record's bytes. */
public final class HashChain {

    private HashChain() {
    }

    public static String hash(String previousHash, LogEntry entry) {
        return Secrets.sha256(previousHash + "\n" + entry.canonical());
    }

    /**
     * The first break of an event's log against its recorded head (the last sequence number and hash the chain
     * row holds): a wrong sequence, previous hash or own hash, or records missing at the end or beyond the head.
     * Without the head, deleting the last records would leave a shorter chain that still links.
     */
    public static Optional<String> firstBreak(List<LogEntry> entries, long headSeq, String headHash) {
        Optional<String> inside = firstBreak(entries);
        if (inside.isPresent()) {
            return inside;
        }
        long lastSeq = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        String lastHash = entries.isEmpty() ? "" : entries.get(entries.size() - 1).hash();
        if (lastSeq < headSeq) {
            return Optional.of("seq " + (lastSeq + 1) + ": missing; the chain head records seq " + headSeq
                    + " (records deleted from the end)");
        }
        if (lastSeq > headSeq) {
            return Optional.of("seq " + (headSeq + 1) + ": beyond the chain head, which records seq " + headSeq);
        }
        if (!lastHash.equals(headHash == null ? "" : headHash)) {
            return Optional.of("seq " + lastSeq + ": hash differs from the chain head's");
        }
        return Optional.empty();
    }

    /**
     * Whether a printed anchor (a record's sequence number and hash, as the 公示 and the exports print the head)
     * still holds in this log: a truncation below it or a rewrite before it is seen by whoever kept the printout.
     */
    public static Optional<String> anchorBreak(List<LogEntry> entries, long seq, String hash) {
        if (seq == 0) {
            return Optional.empty();
        }
        if (seq > entries.size()) {
            return Optional.of("seq " + seq + ": the log now ends at seq " + entries.size());
        }
        LogEntry record = entries.get((int) seq - 1);
        if (record.seq() != seq || !record.hash().equalsIgnoreCase(hash)) {
            return Optional.of("seq " + seq + ": hash differs from the printed one");
        }
        return Optional.empty();
    }

    /** The first record that breaks the chain (wrong sequence, previous hash or own hash), if any. */
    public static Optional<String> firstBreak(List<LogEntry> entries) {
        String previous = "";
        long expectedSeq = 1;
        for (LogEntry entry : entries) {
            if (entry.seq() != expectedSeq) {
                return Optional.of("seq " + entry.seq() + ": expected seq " + expectedSeq);
            }
            if (!entry.prevHash().equals(previous)) {
                return Optional.of("seq " + entry.seq() + ": previous hash does not match record " + (expectedSeq - 1));
            }
            if (!hash(previous, entry).equals(entry.hash())) {
                return Optional.of("seq " + entry.seq() + ": contents do not match their hash");
            }
            previous = entry.hash();
            expectedSeq++;
        }
        return Optional.empty();
    }
}
