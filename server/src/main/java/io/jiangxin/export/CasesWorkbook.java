package io.jiangxin.export;

import io.jiangxin.export.PrintedSheet.Column;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 按季报案例: a platform's confirmed services of one quarter as the union office prints them, one row per service with
 * its enterprise, craftsman, mode, hours, workers trained, problems solved, benefit and the enterprise's rating,
 * then the quarter's totals.
 */
public final class CasesWorkbook {

    /** One confirmed service, with every label already in zh-CN / English. */
    public record Line(LocalDate servedOn, String enterprise, String need, String craftsman, String team, String mode,
                       BigDecimal hours, int workersTrained, int problemsSolved, String efficiency,
                       BigDecimal moneySaved, Integer satisfaction, String comment, String summary, boolean published) {
    }

    private static final List<Column> COLUMNS = List.of(new Column("序号\nNo.", 6), new Column("服务日期\nDate", 11),
            new Column("企业\nEnterprise", 20), new Column("需求\nNeed", 22), new Column("工匠\nCraftsman", 10),
            new Column("服务分队\nTeam", 14), new Column("服务方式\nMode", 16), new Column("工时\nHours", 7),
            new Column("培训人数\nTrained", 8), new Column("解决问题\nSolved", 8), new Column("效益\nBenefit", 18),
            new Column("节约金额(元)\nSaved (¥)", 13), new Column("满意度\nRating", 7),
            new Column("企业评价\nFeedback", 22), new Column("服务概述\nSummary", 30), new Column("公开案例\nPublished", 8));

    private CasesWorkbook() {
    }

    public static void write(String platform, int year, int quarter, List<Line> lines, Instant now, OutputStream out) {
        ResultsWorkbook.write(out, book -> {
            PrintedSheet sheet = PrintedSheet.open(book, PrintedSheet.names(), year + "Q" + quarter + " 案例 Cases",
                    COLUMNS);
            sheet.title(platform + " " + year + " 年第 " + quarter + " 季度服务案例 / service cases, " + year + " Q" + quarter,
                    true);
            sheet.title(lines.size() + " 项已确认服务 confirmed services · 导出时间 exported " + Labels.minutes(now), false);
            sheet.header();
            BigDecimal hours = BigDecimal.ZERO.setScale(1);
            BigDecimal money = BigDecimal.ZERO.setScale(2);
            long trained = 0;
            long solved = 0;
            int row = 0;
            for (Line l : lines) {
                sheet.integer(0, (long) ++row);
                sheet.text(1, l.servedOn().toString());
                sheet.wrapped(2, l.enterprise());
                sheet.wrapped(3, l.need());
                sheet.text(4, l.craftsman());
                sheet.text(5, l.team());
                sheet.wrapped(6, l.mode());
                sheet.number(7, l.hours(), 1);
                sheet.integer(8, (long) l.workersTrained());
                sheet.integer(9, (long) l.problemsSolved());
                sheet.wrapped(10, l.efficiency());
                sheet.number(11, l.moneySaved(), 2);
                sheet.integer(12, l.satisfaction() == null ? null : (long) l.satisfaction());
                sheet.wrapped(13, l.comment());
                sheet.wrapped(14, l.summary());
                sheet.text(15, l.published() ? "是 yes" : "否 no");
                sheet.next();
                hours = hours.add(l.hours() == null ? BigDecimal.ZERO : l.hours());
                money = money.add(l.moneySaved() == null ? BigDecimal.ZERO : l.moneySaved());
                trained += l.workersTrained();
                solved += l.problemsSolved();
            }
            sheet.text(6, "合计 Total");
            sheet.number(7, hours, 1);
            sheet.integer(8, trained);
            sheet.integer(9, solved);
            sheet.number(11, money, 2);
            sheet.emphasise();
            sheet.next();
            sheet.note("只含企业已确认并评价的服务；作废或重新打开的服务不在其中。 / Only services the enterprise confirmed"
                    + " and rated; annulled or reopened services are not listed.");
            sheet.signatures("填报人 prepared by", "审核人 checked by");
            sheet.finish();
        });
    }
}
