package io.jiangxin.export;

import io.jiangxin.export.PrintedSheet.Column;
import io.jiangxin.results.EventResult;
import io.jiangxin.results.PublicationStatus;
import io.jiangxin.results.ResultLine;
import io.jiangxin.results.TeamResultLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;

/**
 * Results workbooks printed from {@link EventResult}: an event's results, a contest's (one sheet per event after
 * a summary of the awards) and the team (团体) rankings. Ranks, totals and awards are copied from the read, never
 * recomputed.
 */
public final class ResultsWorkbook {

    /** One event's results with what the sheet needs beside them: its scale, names or not, its publication. */
    public record Printed(EventResult result, int scale, boolean namesVisible, PublicationStatus publication) {

        String state(Instant now) {
            return Labels.state(result.signedOffAt(), publication, now);
        }
    }

    static final List<Column> RESULT_COLUMNS = List.of(new Column("名次\nRank", 7), new Column("参赛号\nEntry", 9),
            new Column("工位号\nStation", 9), new Column("姓名\nName", 18), new Column("单位/企业\nEnterprise", 30),
            new Column("团队\nTeam", 16), new Column("总分\nTotal", 10), new Column("奖项\nAward", 12),
            new Column("状态\nStatus", 14));
    private static final List<Column> SUMMARY_COLUMNS = List.of(new Column("赛项\nEvent", 20),
            new Column("奖项\nAward", 12), new Column("名次\nRank", 7), new Column("参赛号\nEntry", 9),
            new Column("姓名\nName", 18), new Column("单位/企业\nEnterprise", 30), new Column("总分\nTotal", 10));
    private static final List<Column> TEAM_COLUMNS = List.of(new Column("名次\nRank", 7),
            new Column("单位/企业\nEnterprise", 34), new Column("团体总分\nTeam total", 12),
            new Column("计分人数\nCounted", 10), new Column("计分参赛号\nCounted entries", 36));
    private static final String NAMES_HIDDEN = "姓名和单位在裁判长签字确认后显示 / names and enterprises appear once the"
            + " head judge has signed off";

    private ResultsWorkbook() {
    }

    /** {@code GET /api/events/{id}/results.xlsx}: one sheet. */
    public static void event(Printed event, Instant now, OutputStream out) {
        write(out, book -> eventSheet(book, PrintedSheet.names(), event, now));
    }

    /** {@code GET /api/contests/{id}/results.xlsx}: a summary of the awards, then one sheet per event. */
    public static void contest(String contestName, List<Printed> events, Instant now, OutputStream out) {
        write(out, book -> {
            Set<String> names = PrintedSheet.names();
            PrintedSheet summary = PrintedSheet.open(book, names, "获奖汇总 Awards", SUMMARY_COLUMNS);
            summary.title(contestName + " 获奖名单 / awards", true);
            summary.title("导出时间 exported " + Labels.minutes(now) + " · " + events.size() + " 个赛项 events", false);
            summary.header();
            for (Printed event : events) {
                for (ResultLine line : event.result().awarded()) {
                    summary.text(0, event.result().eventName());
                    summary.text(1, line.award().nameZh());
                    summary.integer(2, line.rank() == null ? null : line.rank().longValue());
                    summary.text(3, line.entryCode());
                    summary.text(4, event.namesVisible() ? names(line) : null);
                    summary.text(5, event.namesVisible() ? String.join("、", line.organizations()) : null);
                    summary.number(6, new BigDecimal(line.total()), event.scale());
                    summary.next();
                }
            }
            for (Printed event : events) {
                summary.note(event.result().eventName() + "：" + event.state(now));
            }
            summary.signatures("组委会 organizer", "裁判长 head judge", "监督仲裁 arbitration");
            summary.finish();
            for (Printed event : events) {
                eventSheet(book, names, event, now);
            }
        });
    }

    /** {@code GET /api/contests/{id}/team-results.xlsx}: one sheet per event that ranks teams. */
    public static void teams(String contestName, List<Printed> events, Instant now, OutputStream out) {
        write(out, book -> {
            Set<String> names = PrintedSheet.names();
            for (Printed event : events) {
                EventResult result = event.result();
                PrintedSheet sheet = PrintedSheet.open(book, names, result.eventName(), TEAM_COLUMNS);
                sheet.title(contestName + " · " + result.eventName() + " 团体成绩 / team results", true);
                sheet.title(event.state(now) + " · 导出时间 exported " + Labels.minutes(now) + " · "
                        + result.logAnchor(), false);
                sheet.header();
                for (TeamResultLine team : result.teams()) {
                    sheet.integer(0, team.rank() == null ? null : team.rank().longValue());
                    sheet.text(1, event.namesVisible() ? team.organization() : null);
                    sheet.number(2, new BigDecimal(team.total()), event.scale());
                    sheet.integer(3, (long) team.entryCodes().size());
                    sheet.text(4, String.join("、", team.entryCodes()));
                    sheet.next();
                }
                sheet.signatures("裁判长 head judge", "监督仲裁 arbitration");
                sheet.finish();
            }
        });
    }

    private static void eventSheet(Workbook book, Set<String> taken, Printed event, Instant now) {
        EventResult result = event.result();
        PrintedSheet sheet = PrintedSheet.open(book, taken, result.eventName(), RESULT_COLUMNS);
        sheet.title(result.contestName() + " · " + result.eventName() + " 成绩表 / results", true);
        sheet.title("工种 trade: " + (result.trade() == null ? result.eventName() : result.trade()) + " · "
                + event.state(now) + " · 导出时间 exported " + Labels.minutes(now) + " · " + result.logAnchor(), false);
        sheet.header();
        for (ResultLine line : result.lines()) {
            sheet.integer(0, line.rank() == null ? null : line.rank().longValue());
            sheet.text(1, line.entryCode());
            sheet.text(2, line.station());
            if (event.namesVisible()) {
                sheet.text(3, names(line));
                sheet.text(4, String.join("、", line.organizations()));
                sheet.text(5, line.teamName());
            } else {
                sheet.text(3, null);
                sheet.text(4, null);
                sheet.text(5, null);
            }
            sheet.number(6, line.total() == null ? null : new BigDecimal(line.total()), event.scale());
            sheet.text(7, line.award() == null ? null : line.award().nameZh());
            // A normalised round ranks on the normalised score; the raw total stays in its column beside it.
            sheet.text(8, Labels.status(line.status()) + (line.tied() ? " · 并列 tie" : "")
                    + (line.normalised() == null ? "" : " · 标准化分 normalised " + line.normalised())
                    + (line.combined() == null ? "" : " · 多轮合成分 combined " + line.combined())
                    + (Boolean.TRUE.equals(line.advances()) ? " · 晋级 advances" : ""));
            sheet.next();
        }
        if (result.lines().stream().anyMatch(l -> l.normalised() != null)) {
            sheet.note("名次按各裁判标准化(z 分数)后的分数排列，总分为原始分 / ranked on per-judge normalised (z-score)"
                    + " scores; the total column is the raw total");
        }
        if (result.lines().stream().anyMatch(l -> l.combined() != null)) {
            sheet.note("名次按各轮成绩加权合成分排列（评分标准 rounds）/ ranked on the rounds' totals combined by the"
                    + " scheme's weights (`rounds`)");
        }
        if (!event.namesVisible()) {
            sheet.note(NAMES_HIDDEN);
        }
        sheet.signatures("裁判长 head judge", "监督仲裁 arbitration", "组委会 organizer");
        sheet.finish();
    }

    /** The competitor, or a team's members in team order. */
    private static String names(ResultLine line) {
        return line.teamName() == null ? line.entrant()
                : line.members().stream().map(ResultLine.Member::name).collect(Collectors.joining("、"));
    }

    interface Body {
        void write(Workbook book) throws IOException;
    }

    static void write(OutputStream out, Body body) {
        try {
            Workbook book = new Workbook(out, "Jiangxin", "1.0");
            body.write(book);
            book.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
