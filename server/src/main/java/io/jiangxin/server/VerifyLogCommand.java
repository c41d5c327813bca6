package io.jiangxin.server;

import io.jiangxin.judging.LogChain;
import io.jiangxin.judging.HashChain;
import io.jiangxin.judging.LogEntry;
import io.jiangxin.storage.ScoreLogStore;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Checks the hash chain of every event's score log (or one event's): exit 0 when intact, 1 when broken. */
@Command(name = "verify-log", mixinStandardHelpOptions = true,
        description = "校验评分日志的哈希链 / verify the hash chain of the score logs")
final class VerifyLogCommand extends DatabaseCommand {

    static final int BROKEN = 1;

    @Option(names = "--event", paramLabel = "ID", description = "only this event")
    Long eventId;

    @Option(names = "--anchor", paramLabel = "SEQ:HASH", description = "a record's sequence number and hash as"
            + " printed on a 公示 or an export (needs --event): checks the log still holds it")
    String anchor;

    @Override
    public Integer call() throws Exception {
        Long anchorSeq = null;
        String anchorHash = null;
        if (anchor != null) {
            java.util.regex.Matcher parts = java.util.regex.Pattern.compile("(\\d{1,18}):([0-9a-fA-F]{64})").matcher(anchor);
            if (eventId == null || !parts.matches()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--anchor takes SEQ:HASH (a 64-digit hex SHA-256) and needs --event");
            }
            anchorSeq = Long.parseLong(parts.group(1));
            anchorHash = parts.group(2);
        }
        var out = spec.commandLine().getOut();
        try (DatabaseOptions.Opened opened = database.open(false)) {
            Pool pool = opened.pool;
            ScoreLogStore log = new ScoreLogStore();
            List<Long> events = new ArrayList<>();
            if (eventId != null) {
                events.add(eventId);
            } else {
                for (Row row : JiangxinNode.await(pool.query("select event_id from event_chain order by event_id")
                        .execute())) {
                    events.add(row.getLong(0));
                }
            }
            int broken = 0;
            for (long event : events) {
                LogChain chain = JiangxinNode.await(log.readChain(pool, event));
                List<LogEntry> entries = chain.entries();
                Optional<String> firstBreak = chain.firstBreak();
                if (firstBreak.isEmpty() && anchorSeq != null) {
                    firstBreak = HashChain.anchorBreak(entries, anchorSeq, anchorHash);
                }
                if (firstBreak.isPresent()) {
                    broken++;
                    out.printf("event %d: %d records, BROKEN / 已被篡改: %s%n", event, entries.size(), firstBreak.get());
                } else {
                    out.printf("event %d: %d records, intact / 完整, last hash %s%n", event, entries.size(),
                            entries.isEmpty() ? "-" : entries.get(entries.size() - 1).hash());
                }
            }
            out.flush();
            return broken == 0 ? 0 : BROKEN;
        }
    }
}
