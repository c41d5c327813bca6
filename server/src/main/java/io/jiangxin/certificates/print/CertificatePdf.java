package io.jiangxin.certificates.print;

import io.jiangxin.certificates.CertificateTemplate;

import io.jiangxin.certificates.CertificateCode;

import io.jiangxin.certificates.Certificate;

import io.nayuki.qrcodegen.QrCode;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders certificates into one PDF, a page each, from a template: the one place that draws them. The font subset
 * is embedded once per document. Blocking work: callers run it off the event loop.
 */
public final class CertificatePdf {

    /** One page: the certificate and the public address that verifies it. */
    public record Sheet(Certificate certificate, String verifyUrl) {
    }

    /** A character the font has no glyph for: the certificate would print an empty box, so it is not printed. */
    public static final class MissingGlyph extends RuntimeException {
        public MissingGlyph(String message) {
            super(message, null, false, false);
        }
    }

    private final CertificateFont font;

    public CertificatePdf(CertificateFont font) {
        this.font = font;
    }

    public byte[] render(CertificateTemplate template, List<Sheet> sheets, String title) {
        // The parsed font reads its file lazily and is not thread-safe: one document at a time per node.
        synchronized (font) {
            try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                PDType0Font type0 = PDType0Font.load(doc, font.font(), true);
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(title);
                info.setCreator("匠心 Jiangxin");
                for (Sheet sheet : sheets) {
                    page(doc, type0, template, sheet);
                }
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** 2026年11月21日 */
    public static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static Map<String, String> values(Sheet sheet) {
        Certificate c = sheet.certificate();
        return Map.ofEntries(Map.entry("contest", c.contest()), Map.entry("event", c.event()),
                Map.entry("award", c.awardZh()), Map.entry("awardEn", c.awardEn()), Map.entry("names", c.namesLine()),
                Map.entry("team", c.teamName() == null ? "" : c.teamName()), Map.entry("enterprise", c.enterprise()),
                Map.entry("date", chineseDate(c.issuedOn())), Map.entry("code", CertificateCode.grouped(c.code())),
                Map.entry("url", sheet.verifyUrl()), Map.entry("log", c.logLine()));
    }

    private static void page(PDDocument doc, PDType0Font type0, CertificateTemplate template, Sheet sheet)
            throws IOException {
        CertificateTemplate.Page size = template.page();
        PDPage page = new PDPage(new PDRectangle((float) size.width(), (float) size.height()));
        doc.addPage(page);
        double height = size.height();
        Map<String, String> values = values(sheet);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            if (template.border() != null) {
                cs.setStrokingColor(Color.decode(template.border().color()));
                for (CertificateTemplate.Frame frame : template.border().frames()) {
                    cs.setLineWidth((float) frame.width());
                    cs.addRect((float) frame.inset(), (float) frame.inset(), (float) (size.width() - 2 * frame.inset()),
                            (float) (height - 2 * frame.inset()));
                    cs.stroke();
                }
            }
            if (template.qr() != null) {
                qr(cs, template.qr(), sheet.verifyUrl(), height);
            }
            for (CertificateTemplate.TextBlock block : template.blocks()) {
                if (!block.printsOn(sheet.certificate())) {
                    continue;
                }
                String text = CertificateTemplate.fill(block.text(), values).strip();
                if (text.isEmpty()) {
                    continue;
                }
                float fontSize = (float) block.size();
                float width = width(type0, text, fontSize);
                if (block.maxWidth() != null && width > block.maxWidth()) {
                    fontSize = (float) (fontSize * block.maxWidth() / width);
                    width = width(type0, text, fontSize);
                }
                double x = switch (block.align()) {
                    case LEFT -> block.x();
                    case CENTER -> block.x() - width / 2;
                    case RIGHT -> block.x() - width;
                };
                cs.setNonStrokingColor(Color.decode(block.color()));
                cs.beginText();
                cs.setFont(type0, fontSize);
                cs.newLineAtOffset((float) x, (float) (height - block.y()));
                cs.showText(text);
                cs.endText();
            }
        }
    }

    private static float width(PDType0Font type0, String text, float fontSize) throws IOException {
        try {
            return type0.getStringWidth(text) / 1000f * fontSize;
        } catch (IllegalArgumentException e) {
            throw new MissingGlyph("证书字体缺少字符，无法打印：" + e.getMessage() + " / the certificate font lacks a"
                    + " character: " + e.getMessage());
        }
    }

    /** The verification URL as a QR code, dark modules as filled squares, with the quiet zone inside the box. */
    private static void qr(PDPageContentStream cs, CertificateTemplate.Qr box, String url, double height)
            throws IOException {
        QrCode code = QrCode.encodeText(url, QrCode.Ecc.MEDIUM);
        int quiet = 2;
        double module = box.size() / (code.size + 2 * quiet);
        cs.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < code.size; row++) {
            for (int col = 0; col < code.size; col++) {
                if (code.getModule(col, row)) {
                    double x = box.x() + (col + quiet) * module;
                    double top = box.y() + (row + quiet) * module;
                    cs.addRect((float) x, (float) (height - top - module), (float) module, (float) module);
                }
            }
        }
        cs.fill();
    }
}
