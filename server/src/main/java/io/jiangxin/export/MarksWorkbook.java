package io.jiangxin.export;

import io.jiangxin.export.PrintedSheet.Column;
import io.jiangxin.judging.LogEntry;
import io.jiangxin.results.PublicationStatus;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The judges' raw marks of an event, sheet by sheet: one row per entry, aspect and marking round with each judge's
 * mark in its own column, the engine's aspect value and status on the current round, the corrections and re-mark
 * requests written beside the round they happened in, and a total row per sheet with its penalties. The rounds are
 * read from the score log itself, so a superseded round stays visible; the values come from the live state.
 */
public final class MarksWorkbook {

    /** A judge's column. */
    public record Judge(long accountId, String name) {
    }

    /** An aspect of the scheme: its id and description; deduction aspects take violations, not marks. */
    public record Aspect(String id, String label, boolean deduction) {
    }

    /** The engine's value of one aspect now. */
    public record AspectValue(BigDecimal value, String status, List<String> flags, String overrideReason) {
    }

    /** The engine's result of one sheet now; null for an entry nobody has marked. */
    public record SheetValue(BigDecimal total, String status, boolean locked, Map<String, AspectValue> aspects) {
    }

    /** An entry of the event in code order; {@code entrant} is null when names are not shown. */
    public record Entry(long registrationId, String entryCode, String entrant, SheetValue sheet) {
    }

    public record Input(String contestName, String eventName, Instant signedOffAt, PublicationStatus publication,
                        int scale, List<Aspect> aspects, List<Judge> judges, Map<String, String> violationNames,
                        List<Entry> entries, List<LogEntry> log) {
    }

    private MarksWorkbook() {
    }

    public static void write(Input input, Instant now, OutputStream out) {
        Map<Long, String> judgeNames = new HashMap<>();
        input.judges().forEach(j -> judgeNames.put(j.accountId(), j.name()));
        Map<Long, SheetHistory> histories = history(input.log(), judgeNames);

        List<Column> columns = new ArrayList<>(List.of(new Column("参赛号\nEntry", 9), new Column("姓名\nName", 14),
                new Column("评分项\nAspect", 22), new Column("轮次\nRound", 7)));
        input.judges().forEach(j -> columns.add(new Column(j.name() + "\n#" + j.accountId(), 10)));
        int valueColumn = columns.size();
        columns.add(new Column("评定值\nValue", 10));
        columns.add(new Column("状态\nStatus", 16));
        columns.add(new Column("说明（更正、重评、裁定）\nNotes: corrections, re-marks, overrides", 44));

        ResultsWorkbook.write(out, book -> {
            PrintedSheet sheet = PrintedSheet.open(book, PrintedSheet.names(), "评分明细 Marks", columns);
            sheet.title(input.contestName() + " · " + input.eventName() + " 评分明细 / judges' marks", true);
            sheet.title(Labels.state(input.signedOffAt(), input.publication(), now) + " · 导出时间 exported " + Labels.minutes(now), false);
            sheet.header();
            for (Entry entry : input.entries()) {
                SheetHistory history = histories.getOrDefault(entry.registrationId(), new SheetHistory());
                for (Aspect aspect : input.aspects()) {
                    List<Round> rounds = history.rounds.getOrDefault(aspect.id(), List.of(new Round()));
                    AspectValue value = entry.sheet() == null ? null : entry.sheet().aspects().get(aspect.id());
                    for (int r = 0; r < rounds.size(); r++) {
                        Round round = rounds.get(r);
                        boolean current = r == rounds.size() - 1;
                        sheet.text(0, entry.entryCode());
                        sheet.text(1, entry.entrant());
                        sheet.text(2, aspect.id() + " " + aspect.label());
                        sheet.integer(3, aspect.deduction() ? null : (long) r + 1);
                        for (int j = 0; j < input.judges().size(); j++) {
                            sheet.number(4 + j, round.marks.get(input.judges().get(j).accountId()), -1);
                        }
                        List<String> notes = new ArrayList<>(round.notes);
                        if (current && value != null) {
                            sheet.number(valueColumn, value.value(), input.scale());
                            sheet.text(valueColumn + 1, Labels.aspectStatus(value.status()));
                            value.flags().forEach(f -> notes.add(Labels.flag(f)));
                            if (value.overrideReason() != null) {
                                notes.add("裁定理由 override reason: " + value.overrideReason());
                            }
                        } else {
                            sheet.number(valueColumn, null, input.scale());
                            sheet.text(valueColumn + 1, current ? null : "已重评，不计 superseded");
                        }
                        sheet.wrapped(valueColumn + 2, String.join("；", notes));
                        sheet.next();
                    }
                }
                sheet.text(0, entry.entryCode());
                sheet.text(1, entry.entrant());
                sheet.text(2, "总分 Total");
                sheet.number(valueColumn, entry.sheet() == null ? null : entry.sheet().total(), input.scale());
                sheet.text(valueColumn + 1, entry.sheet() == null ? "未评分 not marked"
                        : Labels.status(entry.sheet().status()) + (entry.sheet().locked() ? " · 已锁定 locked" : ""));
                sheet.wrapped(valueColumn + 2, String.join("；", history.sheetNotes(input.violationNames())));
                sheet.emphasise();
                sheet.next();
            }
            sheet.note("评分列为各裁判在该轮的最终分（含更正）；重评后上一轮不再计分。 / Judge columns hold each judge's"
                    + " last mark in the round, corrections included; after a re-mark the earlier round no longer counts.");
            sheet.signatures("裁判 judges", "裁判长 head judge", "监督仲裁 arbitration");
            sheet.finish();
        });
    }

    /** One marking round of an aspect: each judge's last mark in it, and what happened. */
    private static final class Round {
        final Map<Long, BigDecimal> marks = new HashMap<>();
        final List<String> notes = new ArrayList<>();
    }

    /** What the log says of one sheet: rounds per aspect, violations, time, unlocks. */
    private static final class SheetHistory {
        final Map<String, List<Round>> rounds = new HashMap<>();
        final Map<String, Integer> violations = new TreeMap<>();
        final List<String> notes = new ArrayList<>();
        String time;

        Round current(String aspectId) {
            List<Round> list = rounds.computeIfAbsent(aspectId, k -> new ArrayList<>(List.of(new Round())));
            return list.get(list.size() - 1);
        }

        List<String> sheetNotes(Map<String, String> violationNames) {
            List<String> all = new ArrayList<>();
            violations.forEach((code, count) -> all.add("违规 violation: " + violationNames.getOrDefault(code, code)
                    + " ×" + count));
            if (time != null) {
                all.add(time);
            }
            all.addAll(notes);
            return all;
        }
    }

    /** Folds the log, in sequence order, into each sheet's rounds. */
    static Map<Long, SheetHistory> history(List<LogEntry> log, Map<Long, String> judgeNames) {
        Map<Long, SheetHistory> sheets = new LinkedHashMap<>();
        for (LogEntry e : log) {
            if (e.registrationId() == null) {
                continue;
            }
            SheetHistory sheet = sheets.computeIfAbsent(e.registrationId(), k -> new SheetHistory());
            switch (e.kind()) {
                case MARK -> sheet.current(e.aspectId()).marks.put(e.judgeId(), e.newValue());
                case CORRECTION -> {
                    Round round = sheet.current(e.aspectId());
                    round.marks.put(e.judgeId(), e.newValue());
                    round.notes.add("更正 correction #" + e.seq() + ": " + judgeNames.getOrDefault(e.judgeId(),
                            "#" + e.judgeId()) + " " + plain(e.oldValue()) + " → " + plain(e.newValue())
                            + reason(e.reason()));
                }
                case REMARK_REQUESTED -> {
                    sheet.current(e.aspectId());
                    List<Round> list = sheet.rounds.get(e.aspectId());
                    Round next = new Round();
                    next.notes.add("重评 re-mark #" + e.seq() + reason(e.reason()));
                    list.add(next);
                }
                case OVERRIDE -> sheet.current(e.aspectId()).notes.add("裁判长裁定 override #" + e.seq() + ": "
                        + plain(e.oldValue()) + " → " + plain(e.newValue()));
                case VIOLATION -> {
                    if (e.newValue() == null || e.newValue().signum() == 0) {
                        sheet.violations.remove(e.detail());
                    } else {
                        sheet.violations.put(e.detail(), e.newValue().intValue());
                    }
                }
                case TIME -> {
                    var record = io.jiangxin.judging.Records.of(e);
                    sheet.time = "用时 time: " + clock(record.completionTime())
                            + (record.extraTime() == null || record.extraTime().isZero() ? ""
                            : "（补时 extra " + clock(record.extraTime()) + "）");
                }
                case UNLOCK -> sheet.notes.add("解锁 unlocked #" + e.seq() + reason(e.reason()));
                default -> {
                    // marks, rounds, violations, time and unlocks are what a sheet shows; the audit has the rest
                }
            }
        }
        return sheets;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "—" : value.toPlainString();
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : "（" + reason + "）";
    }

    private static String clock(Duration d) {
        if (d == null) {
            return "—";
        }
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
