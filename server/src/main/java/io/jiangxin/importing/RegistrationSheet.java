package io.jiangxin.importing;

import io.jiangxin.registry.SkillGrade;

import io.jiangxin.registry.Person;

import io.jiangxin.registry.ChineseIdNumber;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * 报名表: the registration sheet an organizer fills in, read from {@code .csv} (UTF-8 or GBK) or {@code .xlsx}.
 * Columns are found by their Chinese header, in any order; unknown columns are ignored. Checks that need only the
 * file (a missing field, a bad ID number, an unknown skill grade, a person or an entry listed twice) are made here;
 * checks against the database are the importer's.
 */
public final class RegistrationSheet {

    public static final int MAX_TEXT = 200;
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** GB18030 decodes every GBK byte sequence and more. */
    public static final Charset GBK = Charset.forName("GB18030");

    /** The template's columns, in order. A header may carry a trailing {@code *} for required columns. */
    public enum Column {
        EVENT("赛项", true),
        ORGANIZATION("单位", true),
        EMPLOYEE_NO("工号", true),
        NAME("姓名", true),
        ID_NUMBER("身份证号", false),
        TRADE("工种", false),
        SKILL_GRADE("技能等级", false);

        private final String header;
        private final boolean required;

        Column(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        public String header() {
            return header;
        }

        public boolean required() {
            return required;
        }
    }

    public enum Format { CSV, XLSX }

    /** A row that passed the file's own checks; {@code number} is the row as a spreadsheet numbers it (header = 1). */
    public record Row(int number, String event, String organization, String employeeNo, String name, String idNumber,
                      String trade, SkillGrade skillGrade) {

        public String personKey() {
            return organization + '\u0000' + employeeNo;
        }
    }

    /** One reason a row is not imported: its row, its column header and a reason code with zh-CN / English text. */
    public record Issue(int row, String column, String code, String reason) {
    }

    public record Parsed(int rowCount, List<Row> rows, List<Issue> issues) {
    }

    /** The file cannot be read as a registration sheet at all: answered 400. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    private RegistrationSheet() {
    }

    public static Parsed read(byte[] bytes, Format format, Charset charset) {
        if (bytes.length == 0) {
            throw new Unreadable("文件为空 / the file is empty");
        }
        Checker checker = new Checker();
        if (format == Format.CSV) {
            readCsv(bytes, charset, checker);
        } else {
            readXlsx(bytes, checker);
        }
        return checker.finish();
    }

    /** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GBK. */
    public static String decode(byte[] bytes, Charset charset) {
        if (charset != null) {
            return strip(new String(bytes, charset));
        }
        try {
            return strip(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GBK);
        }
    }

    private static String strip(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void readCsv(byte[] bytes, Charset charset, Checker checker) {
        Reader reader = new StringReader(decode(bytes, charset));
        try (CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
            for (CSVRecord record : parser) {
                checker.accept((int) record.getRecordNumber(), record.values());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Unreadable("CSV 文件无法解析 / the CSV file cannot be parsed: " + firstLine(e.getMessage()));
        }
    }

    private static void readXlsx(byte[] bytes, Checker checker) {
        try (InputStream in = new ByteArrayInputStream(bytes); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<org.dhatim.fastexcel.reader.Row> rows = sheet.openStream()) {
                rows.forEach(row -> {
                    String[] cells = new String[row.getCellCount()];
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = row.getCellText(i);
                    }
                    checker.accept(row.getRowNum(), cells);
                });
            }
        } catch (Unreadable e) {
            throw e;
        } catch (Exception e) {
            throw new Unreadable("xlsx 文件无法读取 / the xlsx file cannot be read: " + firstLine(e.getMessage()));
        }
    }

    /** The template: the header row only, UTF-8 with a BOM so that Excel shows the Chinese headers. */
    public static byte[] csvTemplate() {
        String header = String.join(",", Arrays.stream(Column.values()).map(RegistrationSheet::label).toList());
        return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The template as a workbook: sheet 报名表 with the headers, and sheet 说明 with the event names and grades. */
    public static byte[] xlsxTemplate(List<String> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Jiangxin", "1.0");
            Worksheet sheet = workbook.newWorksheet("报名表");
            Column[] columns = Column.values();
            for (int c = 0; c < columns.length; c++) {
                sheet.value(0, c, label(columns[c]));
                sheet.style(0, c).bold().set();
                sheet.width(c, columns[c] == Column.ORGANIZATION || columns[c] == Column.EVENT ? 30 : 16);
            }
            Worksheet help = workbook.newWorksheet("说明");
            help.value(0, 0, "赛项 / events");
            help.value(0, 1, "技能等级 / skill grades");
            for (int i = 0; i < events.size(); i++) {
                help.value(i + 1, 0, events.get(i));
            }
            SkillGrade[] grades = SkillGrade.values();
            for (int i = 0; i < grades.length; i++) {
                help.value(i + 1, 1, grades[i].label());
            }
            help.width(0, 40);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String label(Column column) {
        return column.required() ? column.header() + "*" : column.header();
    }

    /** 初级工 … 高级技师, or the constant's name. */
    public static SkillGrade grade(String text) {
        for (SkillGrade grade : SkillGrade.values()) {
            if (grade.label().equals(text) || grade.name().equalsIgnoreCase(text)) {
                return grade;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** Takes the rows in order: the first non-blank row is the header, the rest are checked one by one. */
    private static final class Checker {
        private int[] positions;
        private int rowCount;
        private final List<Row> rows = new ArrayList<>();
        private final List<Issue> issues = new ArrayList<>();
        /** Person key → the first row that named that person, and its name and ID number. */
        private final Map<String, Row> people = new HashMap<>();
        private final Map<String, Row> idNumbers = new HashMap<>();
        private final Map<String, Integer> entries = new HashMap<>();

        void accept(int number, String[] cells) {
            if (Arrays.stream(cells).allMatch(cell -> cell == null || cell.isBlank())) {
                return;
            }
            if (positions == null) {
                header(cells);
                return;
            }
            rowCount++;
            String[] values = new String[Column.values().length];
            for (Column column : Column.values()) {
                int at = positions[column.ordinal()];
                String value = at < 0 || at >= cells.length || cells[at] == null ? null : cells[at].strip();
                values[column.ordinal()] = value == null || value.isEmpty() ? null : value;
            }
            check(number, values);
        }

        private void header(String[] cells) {
            positions = new int[Column.values().length];
            Arrays.fill(positions, -1);
            for (int i = 0; i < cells.length; i++) {
                String text = cells[i] == null ? "" : strip(cells[i]).strip();
                if (text.endsWith("*")) {
                    text = text.substring(0, text.length() - 1).strip();
                }
                for (Column column : Column.values()) {
                    if (column.header().equals(text) && positions[column.ordinal()] < 0) {
                        positions[column.ordinal()] = i;
                    }
                }
            }
            List<String> missing = Arrays.stream(Column.values())
                    .filter(column -> column.required() && positions[column.ordinal()] < 0)
                    .map(Column::header).toList();
            if (!missing.isEmpty()) {
                throw new Unreadable("表头缺少列 " + String.join("、", missing) + "，请使用模板 / the header row lacks "
                        + "the columns " + missing + "; use the template");
            }
        }

        private void check(int number, String[] values) {
            int before = issues.size();
            for (Column column : Column.values()) {
                String value = values[column.ordinal()];
                if (value == null && column.required()) {
                    issues.add(new Issue(number, column.header(), "MISSING_FIELD", "必填项为空 / required field is empty"));
                } else if (value != null && value.length() > MAX_TEXT) {
                    issues.add(new Issue(number, column.header(), "TOO_LONG",
                            "超过 " + MAX_TEXT + " 个字符 / longer than " + MAX_TEXT + " characters"));
                }
            }
            String idNumber = values[Column.ID_NUMBER.ordinal()];
            if (idNumber != null) {
                idNumber = idNumber.toUpperCase(Locale.ROOT);
                if (!ChineseIdNumber.isValid(idNumber)) {
                    issues.add(new Issue(number, Column.ID_NUMBER.header(), "BAD_ID_NUMBER",
                            "身份证号格式或校验位错误 / not a valid 18-character resident identity number"));
                }
            }
            String gradeText = values[Column.SKILL_GRADE.ordinal()];
            SkillGrade grade = gradeText == null ? null : grade(gradeText);
            if (gradeText != null && grade == null) {
                issues.add(new Issue(number, Column.SKILL_GRADE.header(), "UNKNOWN_SKILL_GRADE",
                        "技能等级须为初级工、中级工、高级工、技师或高级技师 / the skill grade must be one of "
                                + Arrays.toString(SkillGrade.values())));
            }
            if (issues.size() > before) {
                return;
            }
            Row row = new Row(number, values[Column.EVENT.ordinal()], values[Column.ORGANIZATION.ordinal()],
                    values[Column.EMPLOYEE_NO.ordinal()], values[Column.NAME.ordinal()], idNumber,
                    values[Column.TRADE.ordinal()], grade);
            Row first = people.putIfAbsent(row.personKey(), row);
            if (first != null && (!first.name().equals(row.name())
                    || (row.idNumber() != null && !row.idNumber().equals(first.idNumber())))) {
                issues.add(new Issue(number, Column.EMPLOYEE_NO.header(), "DUPLICATE_PERSON",
                        "同一单位工号在第 " + first.number() + " 行登记为另一人 / the same enterprise and employee number"
                                + " name a different person on row " + first.number()));
                return;
            }
            if (idNumber != null) {
                Row sameId = idNumbers.putIfAbsent(idNumber, row);
                if (sameId != null && !sameId.personKey().equals(row.personKey())) {
                    issues.add(new Issue(number, Column.ID_NUMBER.header(), "DUPLICATE_PERSON",
                            "身份证号与第 " + sameId.number() + " 行的另一人重复 / the ID number is another person's on row "
                                    + sameId.number()));
                    return;
                }
            }
            Integer entered = entries.putIfAbsent(row.event() + '\u0000' + row.personKey(), number);
            if (entered != null) {
                issues.add(new Issue(number, Column.EVENT.header(), "DUPLICATE_ENTRY",
                        "此人已在第 " + entered + " 行报名该赛项 / this person is entered in this event on row " + entered));
                return;
            }
            rows.add(row);
        }

        Parsed finish() {
            if (positions == null) {
                throw new Unreadable("文件没有表头和数据 / the file has no header row and no data");
            }
            return new Parsed(rowCount, rows, issues);
        }
    }
}
