package io.jiangxin.app;

import io.jiangxin.importing.RegistrationSheet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * 成果导入表: the organizer's sheet of innovation entries' content (.csv or .xlsx), one row per entry of an event by
 * its entry code, read and checked row by row the way the 报名表 is (docs/api.md): every problem is named by row,
 * column and a reason, and nothing here touches the database.
 */
public final class EntrySheet {

    public static final int MAX_ROWS = 5_000;
    static final BigDecimal MAX_BENEFIT = new BigDecimal("1000000000000");

    /** The columns, by their Chinese header (an English one is accepted too); * marks the required ones. */
    public enum Column {
        ENTRY_CODE("参赛号", "entryCode", true),
        TITLE("成果名称", "title", true),
        KIND("成果类别", "kind", true),
        SUMMARY("成果简介", "summary", false),
        PATENTS("专利号", "patentNumbers", false),
        STANDARDS("标准号", "standardNumbers", false),
        BENEFIT("创造经济效益（万元）", "benefitWan", false),
        VIDEO("视频链接", "videoUrl", false);

        private final String zh;
        private final String en;
        private final boolean required;

        Column(String zh, String en, boolean required) {
            this.zh = zh;
            this.en = en;
            this.required = required;
        }

        public String header() {
            return zh;
        }

        boolean matches(String cell) {
            String text = cell.strip().replace("*", "").strip();
            return text.equals(zh) || text.equalsIgnoreCase(en) || text.equals(zh + " " + en)
                    || text.equals(zh + " / " + en) || (this == BENEFIT && text.equals("创造经济效益"));
        }
    }

    /** A row that passed its own checks; whether its entry code is in the event is the importer's to say. */
    public record Row(int number, String entryCode, Entries.Draft draft) {
    }

    public record Issue(int row, String column, String code, String reason) {
    }

    public record Parsed(int rowCount, List<Row> rows, List<Issue> issues) {
    }

    private EntrySheet() {
    }

    /** @throws RegistrationSheet.Unreadable when the file is not a CSV or xlsx sheet at all */
    public static Parsed read(byte[] bytes, RegistrationSheet.Format format, Charset charset) {
        List<String[]> records = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        if (format == RegistrationSheet.Format.CSV) {
            try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(RegistrationSheet.decode(bytes, charset)))) {
                for (CSVRecord record : parser) {
                    records.add(record.values());
                    numbers.add((int) record.getRecordNumber());
                }
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                throw new RegistrationSheet.Unreadable("CSV 文件无法解析 / the CSV file cannot be parsed");
            }
        } else {
            try (InputStream in = new ByteArrayInputStream(bytes); ReadableWorkbook book = new ReadableWorkbook(in);
                 Stream<org.dhatim.fastexcel.reader.Row> rows = book.getFirstSheet().openStream()) {
                rows.forEach(row -> {
                    String[] cells = new String[row.getCellCount()];
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = row.getCellText(i);
                    }
                    records.add(cells);
                    numbers.add(row.getRowNum());
                });
            } catch (Exception e) {
                throw new RegistrationSheet.Unreadable("xlsx 文件无法读取 / the xlsx file cannot be read");
            }
        }
        return check(records, numbers);
    }

    /** The header row alone, UTF-8 with a BOM so that Excel shows the Chinese headers. */
    public static byte[] csvTemplate() {
        String header = String.join(",", Arrays.stream(Column.values())
                .map(c -> c.required ? c.zh + "*" : c.zh).toList());
        return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Parsed check(List<String[]> records, List<Integer> numbers) {
        List<Issue> issues = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        if (records.isEmpty()) {
            throw new RegistrationSheet.Unreadable("文件为空 / the file is empty");
        }
        Map<Column, Integer> at = new EnumMap<>(Column.class);
        String[] header = records.get(0);
        for (int i = 0; i < header.length; i++) {
            String cell = header[i] == null ? "" : header[i];
            for (Column column : Column.values()) {
                if (column.matches(cell)) {
                    if (at.containsKey(column)) {
                        issues.add(new Issue(numbers.get(0), column.zh, "DUPLICATE_COLUMN", "列重复 / the column"
                                + " appears twice"));
                    }
                    at.put(column, i);
                }
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !at.containsKey(column)) {
                issues.add(new Issue(numbers.get(0), column.zh, "MISSING_COLUMN", "缺少必填列 / a required column is"
                        + " missing"));
            }
        }
        int dataRows = records.size() - 1;
        if (dataRows > MAX_ROWS) {
            issues.add(new Issue(numbers.get(0), null, "TOO_MANY_ROWS", "最多 " + MAX_ROWS + " 行 / at most " + MAX_ROWS
                    + " rows"));
        }
        if (!issues.isEmpty()) {
            return new Parsed(dataRows, List.of(), issues);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r < records.size(); r++) {
            String[] cells = records.get(r);
            int number = numbers.get(r);
            if (Arrays.stream(cells).allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            List<Issue> found = new ArrayList<>();
            String code = text(cells, at, Column.ENTRY_CODE);
            String title = text(cells, at, Column.TITLE);
            String kindText = text(cells, at, Column.KIND);
            String summary = text(cells, at, Column.SUMMARY);
            if (code == null) {
                found.add(issue(number, Column.ENTRY_CODE, "REQUIRED", "必填 / required"));
            } else if (seen.containsKey(code)) {
                found.add(issue(number, Column.ENTRY_CODE, "DUPLICATE_ROW", "与第 " + seen.get(code)
                        + " 行参赛号重复 / the same entry code as row " + seen.get(code)));
            } else {
                seen.put(code, number);
            }
            if (title == null) {
                found.add(issue(number, Column.TITLE, "REQUIRED", "必填 / required"));
            } else if (title.length() > 200) {
                found.add(issue(number, Column.TITLE, "TOO_LONG", "最多 200 字 / at most 200 characters"));
            }
            Entries.Kind kind = kindText == null ? null : kind(kindText);
            if (kindText == null) {
                found.add(issue(number, Column.KIND, "REQUIRED", "必填 / required"));
            } else if (kind == null) {
                found.add(issue(number, Column.KIND, "UNKNOWN_KIND", "须为 技术革新、发明创造、先进操作法 或 合理化建议 /"
                        + " must be one of 技术革新, 发明创造, 先进操作法, 合理化建议 (or TECH_INNOVATION … SUGGESTION)"));
            }
            if (summary != null && summary.length() > 5_000) {
                found.add(issue(number, Column.SUMMARY, "TOO_LONG", "最多 5000 字 / at most 5000 characters"));
            }
            List<String> patents = numbers(text(cells, at, Column.PATENTS));
            List<String> standards = numbers(text(cells, at, Column.STANDARDS));
            for (Column column : List.of(Column.PATENTS, Column.STANDARDS)) {
                List<String> list = column == Column.PATENTS ? patents : standards;
                if (list.size() > 200 || list.stream().anyMatch(n -> n.length() > 100)) {
                    found.add(issue(number, column, "TOO_LONG", "最多 200 个、每个最多 100 字 / at most 200 numbers of"
                            + " at most 100 characters"));
                }
            }
            BigDecimal benefit = null;
            String benefitText = text(cells, at, Column.BENEFIT);
            if (benefitText != null) {
                try {
                    benefit = new BigDecimal(benefitText.replace(",", ""));
                    if (benefit.signum() < 0 || benefit.scale() > 2 || benefit.compareTo(MAX_BENEFIT) >= 0) {
                        throw new NumberFormatException();
                    }
                    benefit = benefit.setScale(2);
                } catch (NumberFormatException | ArithmeticException e) {
                    benefit = null;
                    found.add(issue(number, Column.BENEFIT, "INVALID_NUMBER", "须为 0 至 1 万亿之间、最多两位小数的万元数"
                            + " / must be 万元 between 0 and 10¹², at most two decimals"));
                }
            }
            String video = text(cells, at, Column.VIDEO);
            if (video != null && (video.length() > 500 || !video.matches("https?://\\S+"))) {
                found.add(issue(number, Column.VIDEO, "INVALID_LINK", "须为 http(s) 链接 / must be an http(s) link"));
            }
            if (found.isEmpty()) {
                rows.add(new Row(number, code, new Entries.Draft(title, kind, summary == null ? "" : summary,
                        patents, standards, benefit, video)));
            } else {
                issues.addAll(found);
            }
        }
        return new Parsed(dataRows, rows, issues);
    }

    /** 技术革新 … or the constant's name. */
    static Entries.Kind kind(String text) {
        for (Entries.Kind kind : Entries.Kind.values()) {
            if (kind.name().equalsIgnoreCase(text) || kind.zh().equals(text)
                    || Arrays.asList(kind.zh().split(" / ")).contains(text)) {
                return kind;
            }
        }
        return null;
    }

    /** Numbers separated by ；;、 or line breaks, each stripped, blanks dropped. */
    private static List<String> numbers(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[；;、\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String text(String[] cells, Map<Column, Integer> at, Column column) {
        Integer i = at.get(column);
        if (i == null || i >= cells.length || cells[i] == null) {
            return null;
        }
        String text = cells[i].strip();
        return text.isEmpty() ? null : text;
    }

    private static Issue issue(int row, Column column, String code, String reason) {
        return new Issue(row, column.zh, code, reason);
    }

}
