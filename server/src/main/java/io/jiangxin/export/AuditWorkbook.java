package io.jiangxin.export;

import io.jiangxin.export.PrintedSheet.Column;
import io.jiangxin.judging.LogEntry;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event's audit trail: one row per score-log record, in sequence order, with who, when, from where, what changed
 * and why, and the record's hash, so a printed trail can be checked against {@code verify-log}.
 */
public final class AuditWorkbook {

    private static final List<Column> COLUMNS = List.of(new Column("序号\nSeq", 7), new Column("时间\nTime", 19),
            new Column("操作人\nActor", 14), new Column("角色\nRole", 12), new Column("设备/地址\nDevice / address", 18),
            new Column("类型\nKind", 14), new Column("参赛号\nEntry", 8), new Column("评分项\nAspect", 8),
            new Column("裁判\nJudge", 12), new Column("原值\nOld", 8), new Column("新值\nNew", 8),
            new Column("说明\nDetail", 14), new Column("理由\nReason", 24), new Column("哈希\nSHA-256", 24));

    private AuditWorkbook() {
    }

    /**
     * @param codes  registration id → entry code
     * @param names  account id → display name, for actors and judges known to the event
     */
    public static void write(String contestName, String eventName, List<LogEntry> log, Map<Long, String> codes,
                             Map<Long, String> names, Instant now, OutputStream out) {
        ResultsWorkbook.write(out, book -> {
            PrintedSheet sheet = PrintedSheet.open(book, PrintedSheet.names(), "审计日志 Audit", COLUMNS);
            sheet.title(contestName + " · " + eventName + " 评分审计日志 / audit trail", true);
            sheet.title(log.size() + " 条记录 records · 最后哈希 last hash " + (log.isEmpty() ? "—"
                    : log.get(log.size() - 1).hash()) + " · 导出时间 exported " + Labels.minutes(now), false);
            sheet.header();
            for (LogEntry e : log) {
                sheet.integer(0, e.seq());
                sheet.time(1, Labels.local(e.createdAt()));
                sheet.text(2, who(names, e.actorId()));
                sheet.text(3, Labels.role(e.actorRole()));
                sheet.text(4, join(e.device(), e.address()));
                sheet.text(5, Labels.kind(e.kind()));
                sheet.text(6, e.registrationId() == null ? null : codes.get(e.registrationId()));
                sheet.text(7, e.aspectId());
                sheet.text(8, e.judgeId() == null ? null : who(names, e.judgeId()));
                sheet.number(9, e.oldValue(), -1);
                sheet.number(10, e.newValue(), -1);
                sheet.wrapped(11, e.detail());
                sheet.wrapped(12, e.reason());
                sheet.wrapped(13, e.hash());
                sheet.next();
            }
            sheet.note("每条记录的哈希 = SHA-256(前一条哈希 + 本条内容)；可用 verify-log 或 GET /api/events/{id}/audit/verification"
                    + " 校验。 / Each hash is SHA-256 over the previous hash and the record; check the chain with verify-log"
                    + " or GET /api/events/{id}/audit/verification.");
            sheet.signatures("裁判长 head judge", "监督仲裁 arbitration");
            sheet.finish();
        });
    }

    /** 「裁判一 #12」, or the account id alone for accounts off the panel (organizers, arbiters). */
    private static String who(Map<Long, String> names, long accountId) {
        String name = names.get(accountId);
        return name == null ? "#" + accountId : name + " #" + accountId;
    }

    private static String join(String device, String address) {
        if (device == null || device.isBlank()) {
            return address;
        }
        return address == null || address.isBlank() ? device : device + " / " + address;
    }
}
