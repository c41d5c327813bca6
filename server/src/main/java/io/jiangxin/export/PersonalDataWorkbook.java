package io.jiangxin.export;

import io.jiangxin.export.PrintedSheet.Column;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * The two workbooks that carry full personal data (docs/privacy.md): a contest's people with full ID numbers, for
 * an organizer's audited export, and one person's whole record, for their request to see it. Each names its audit
 * record, so a printed copy can be traced to who asked and why.
 */
public final class PersonalDataWorkbook {

    /** One person of the contest. */
    public record Line(String organization, String employeeNo, String name, String idNumber, String trade,
                       String events) {
    }

    private static final List<Column> PEOPLE = List.of(new Column("单位\nEnterprise", 24),
            new Column("工号\nEmployee no.", 12), new Column("姓名\nName", 12), new Column("身份证号\nID number", 22),
            new Column("工种\nTrade", 14), new Column("赛项\nEvents", 30));

    private static final List<Column> RECORD = List.of(new Column("类别\nSection", 16), new Column("序号\nNo.", 6),
            new Column("项目\nField", 22), new Column("内容\nValue", 60));

    private PersonalDataWorkbook() {
    }

    public static void contestPeople(String contestName, List<Line> lines, String exportedBy, String reason,
                                     long auditId, Instant now, OutputStream out) {
        ResultsWorkbook.write(out, book -> {
            PrintedSheet sheet = PrintedSheet.open(book, PrintedSheet.names(), "参赛人员 People", PEOPLE);
            sheet.title(contestName + " 参赛人员（含完整身份证号）/ people with full ID numbers", true);
            sheet.title("导出人 exported by " + exportedBy + " · 事由 reason: " + reason + " · 审计编号 audit #" + auditId
                    + " · " + Labels.minutes(now), false);
            sheet.header();
            for (Line line : lines) {
                sheet.text(0, line.organization());
                sheet.text(1, line.employeeNo());
                sheet.text(2, line.name());
                sheet.text(3, line.idNumber());
                sheet.text(4, line.trade());
                sheet.wrapped(5, line.events());
                sheet.next();
            }
            sheet.note("本表含个人信息，仅限事由所述用途，用毕销毁。 / This sheet holds personal information: use it only for the"
                    + " reason stated and destroy it afterwards.");
            sheet.finish();
        });
    }

    /** A person's record: each section's items, field by field, as in the JSON export. */
    public static void personRecord(JsonObject record, long auditId, Instant now, OutputStream out) {
        ResultsWorkbook.write(out, book -> {
            PrintedSheet sheet = PrintedSheet.open(book, PrintedSheet.names(), "个人信息 Personal data", RECORD);
            sheet.title("匠心 Jiangxin 存储的个人信息 / personal data held by Jiangxin", true);
            sheet.title("审计编号 audit #" + auditId + " · " + Labels.minutes(now), false);
            sheet.header();
            for (String section : record.fieldNames()) {
                Object value = record.getValue(section);
                JsonArray items = value instanceof JsonArray array ? array : new JsonArray().add(value);
                int number = 0;
                for (Object item : items) {
                    number++;
                    if (item instanceof JsonObject object) {
                        for (String field : object.fieldNames()) {
                            Object v = object.getValue(field);
                            sheet.text(0, section);
                            sheet.integer(1, (long) number);
                            sheet.text(2, field);
                            sheet.wrapped(3, v == null ? "" : String.valueOf(v));
                            sheet.next();
                        }
                    }
                }
            }
            sheet.finish();
        });
    }
}
