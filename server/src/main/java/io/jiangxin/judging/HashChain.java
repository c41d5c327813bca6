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
