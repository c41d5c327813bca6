package io.jiangxin.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One printed table on its own worksheet, laid out as a union office prints it: title lines across the table, a
 * header row frozen on screen and repeated on every printed page, A4 landscape fitted to the page width, page
 * numbers in the footer, and a signature line under the table. Rows are flushed to the output as they are
 * written, so a sheet of thousands of lines is never held in memory.
 */
final class PrintedSheet {

    /** A column: its header (zh-CN, then English on a second line) and its width in characters. */
    record Column(String header, double width) {
    }

    private static final int FLUSH_EVERY = 256;

    private final Worksheet sheet;
    private final List<Column> columns;
    private int row;

    private PrintedSheet(Worksheet sheet, List<Column> columns) {
        this.sheet = sheet;
        this.columns = List.copyOf(columns);
        for (int c = 0; c < columns.size(); c++) {
            sheet.width(c, columns.get(c).width());
        }
        sheet.paperSize(PaperSize.A4_PAPER);
        sheet.pageOrientation("landscape");
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        sheet.leftMargin(0.4f);
        sheet.rightMargin(0.4f);
        sheet.topMargin(0.5f);
        sheet.bottomMargin(0.6f);
        sheet.footer("第 &P 页 / 共 &N 页  page &P of &N", Position.CENTER, "宋体", 10);
    }

    /** A new worksheet with a name Excel accepts (at most 31 characters, none of []:*?/\, unique in the book). */
    static PrintedSheet open(Workbook book, Set<String> taken, String name, List<Column> columns) {
        return new PrintedSheet(book.newWorksheet(sheetName(name, taken)), columns);
    }

    static Set<String> names() {
        return new HashSet<>();
    }

    /** A line across the whole table: the title (large, bold) or a line under it. */
    void title(String text, boolean main) {
        sheet.value(row, 0, text);
        sheet.range(row, 0, row, columns.size() - 1).merge();
        var style = sheet.style(row, 0).horizontalAlignment("center").verticalAlignment("center");
        if (main) {
            style.bold().fontSize(16);
            sheet.rowHeight(row, 28);
        }
        style.set();
        row++;
    }

    /** The header row: bold, bordered, wrapped; frozen on screen and repeated on every printed page. */
    void header() {
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(row, c, columns.get(c).header());
            sheet.style(row, c).bold().wrapText(true).horizontalAlignment("center").verticalAlignment("center")
                    .fillColor("EDEDED").borderStyle("thin").set();
        }
        sheet.rowHeight(row, 32);
        sheet.freezePane(0, row + 1);
        sheet.repeatRows(row, row);
        row++;
    }

    void text(int column, String value) {
        if (value != null && !value.isEmpty()) {
            // Inline strings: names and codes are mostly distinct, so a shared-string table would only hold
            // a second copy of the whole sheet until the book is finished.
            sheet.inlineString(row, column, value);
        }
        cell(column, null, false);
    }

    /** A wrapped text cell, for long reasons and hashes. */
    void wrapped(int column, String value) {
        if (value != null && !value.isEmpty()) {
            sheet.inlineString(row, column, value);
        }
        cell(column, null, true);
    }

    /**
     * An exact number printed with {@code scale} decimals (as entered when {@code scale} is negative); stored as a
     * number, never as text.
     */
    void number(int column, BigDecimal value, int scale) {
        if (value != null) {
            sheet.value(row, column, value);
        }
        cell(column, scale < 0 ? null : scale == 0 ? "0" : "0." + "0".repeat(scale), false);
    }

    void integer(int column, Long value) {
        if (value != null) {
            sheet.value(row, column, value);
        }
        cell(column, "0", false);
    }

    void time(int column, LocalDateTime value) {
        sheet.value(row, column, value);
        cell(column, "yyyy-mm-dd hh:mm:ss", false);
    }

    /** Makes the current row stand out (a sheet's total line). */
    void emphasise() {
        for (int c = 0; c < columns.size(); c++) {
            sheet.style(row, c).bold().borderStyle("thin").set();
        }
    }

    /** Ends the current row; every few hundred rows, what is written goes to the output. */
    void next() {
        row++;
        if (row % FLUSH_EVERY == 0) {
            flush();
        }
    }

    /** A blank line, then the signature line: each role with space to sign, then the date. */
    void signatures(String... roles) {
        row++;
        int span = Math.max(1, columns.size() / (roles.length + 1));
        int column = 0;
        for (String role : roles) {
            sheet.value(row, column, role + "（签字 signature）：");
            column += span;
        }
        sheet.value(row, Math.min(column, columns.size() - 1), "日期 date：");
        sheet.rowHeight(row, 36);
        row++;
    }

    /** A note under the table, across its width. */
    void note(String text) {
        sheet.value(row, 0, text);
        sheet.range(row, 0, row, columns.size() - 1).merge();
        sheet.style(row, 0).wrapText(true).set();
        row++;
    }

    int row() {
        return row;
    }

    void finish() {
        try {
            sheet.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cell(int column, String format, boolean wrap) {
        var style = sheet.style(row, column).borderStyle("thin").verticalAlignment("center");
        if (format != null) {
            style.format(format);
        }
        if (wrap) {
            style.wrapText(true);
        }
        style.set();
    }

    static String sheetName(String wanted, Set<String> taken) {
        String clean = wanted == null || wanted.isBlank() ? "Sheet" : wanted.replaceAll("[\\[\\]:*?/\\\\]", "-").strip();
        if (clean.startsWith("'")) {
            clean = clean.substring(1);
        }
        String name = clean.length() > 31 ? clean.substring(0, 31) : clean;
        for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = (clean.length() > 31 - suffix.length() ? clean.substring(0, 31 - suffix.length()) : clean) + suffix;
        }
        return name;
    }
}
