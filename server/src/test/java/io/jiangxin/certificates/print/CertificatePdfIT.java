package io.jiangxin.certificates.print;

import io.jiangxin.certificates.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jiangxin.registry.FieldError;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * The renderer with the machine's CJK font: a 60-certificate batch (timed) whose Chinese text pdftotext reads back,
 * a PNG of a page for a person to look at, codes, template checks, and the refusal of fonts PDFBox cannot embed.
 */
class CertificatePdfIT {

    static final Path SAMPLES = Path.of("target", "samples");

    private static Certificate certificate(int i) {
        boolean team = i % 10 == 0;
        return new Certificate(CertificateCode.random(), "2026年潍坊市职工职业技能大赛", "焊工",
                i == 1 ? "GOLD" : "MERIT", i == 1 ? "一等奖" : "优胜奖", i == 1 ? "First prize" : "Merit award", false,
                team ? "潍柴动力焊接一队" : null, team ? List.of("王建国", "李晓燕", "张卫东") : List.of("选手" + i),
                team ? "潍柴动力股份有限公司、山东豪迈机械科技股份有限公司" : "潍柴动力股份有限公司", i,
                LocalDate.of(2026, 11, 21), 42L, "ab".repeat(32));
    }

    @Test
    void aBatchOfSixtyRendersWithChineseTextThatPdftotextReads() throws Exception {
        CertificatePdf pdf = new CertificatePdf(new CertificateFont(null));
        List<CertificatePdf.Sheet> sheets = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            Certificate c = certificate(i);
            sheets.add(new CertificatePdf.Sheet(c, "https://jiangxin.example.cn/verify/?code=" + c.code()));
        }
        pdf.render(TemplateReader.defaultTemplate(), sheets.subList(0, 1), "warm-up"); // opens the font once
        long started = System.nanoTime();
        byte[] bytes = pdf.render(TemplateReader.defaultTemplate(), sheets, "批量");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("certificates: rendered 60 certificates in %d ms, %d KiB%n", millis, bytes.length / 1024);
        assertThat(millis).isLessThan(30_000);

        Files.createDirectories(SAMPLES);
        Path file = SAMPLES.resolve("certificate-batch-60.pdf");
        Files.write(file, bytes);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(60);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
        }
        String text = pdftotext(file);
        assertThat(text).contains("2026年潍坊市职工职业技能大赛", "荣誉证书", "一等奖", "选手1", "选手59", "2026年11月21日",
                CertificateCode.grouped(sheets.get(0).certificate().code()), "王建国、李晓燕、张卫东", "潍柴动力焊接一队");
    }

    @Test
    void aPassCertificateSaysThePersonPassedWhileAnAwardCertificateKeepsItsAward() throws Exception {
        Certificate gold = certificate(1);
        Certificate pass = new Certificate(CertificateCode.random(), gold.contest(), gold.event(), "PASS", "合格", "Pass",
                true, null, List.of("选手合格"), gold.enterprise(), null, gold.issuedOn(), gold.logSeq(), gold.logHash());
        byte[] bytes = new CertificatePdf(new CertificateFont(null)).render(TemplateReader.defaultTemplate(),
                List.of(new CertificatePdf.Sheet(gold, "http://localhost/verify/?code=" + gold.code()),
                        new CertificatePdf.Sheet(pass, "http://localhost/verify/?code=" + pass.code())), "pass");
        Files.createDirectories(SAMPLES);
        Path file = SAMPLES.resolve("certificate-pass.pdf");
        Files.write(file, bytes);
        String[] pages = pdftotext(file).split("\f");
        String award = pages[0].replaceAll("\\s+", " ");
        String passed = pages[1].replaceAll("\\s+", " ");
        assertThat(award).contains("「焊工」赛项中荣获 一等奖 First prize 特发此证，以资鼓励。", "CERTIFICATE OF AWARD");
        assertThat(passed).contains("选手合格", "在2026年潍坊市职工职业技能大赛「焊工」赛项中 考核合格 passed the assessment 特发此证。",
                        "CERTIFICATE OF ACHIEVEMENT")
                .doesNotContain("荣获", "合格 Pass", "以资鼓励", "CERTIFICATE OF AWARD");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(1, 60), "png",
                    SAMPLES.resolve("certificate-pass.png").toFile());
        }
    }

    @Test
    void aPageRendersToAPngForAPersonToLookAt() throws Exception {
        Certificate c = certificate(10);
        byte[] bytes = new CertificatePdf(new CertificateFont(null)).render(TemplateReader.defaultTemplate(),
                List.of(new CertificatePdf.Sheet(c, "http://localhost:8080/verify/?code=" + c.code())), "team");
        Files.createDirectories(SAMPLES);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 60);
            Path png = SAMPLES.resolve("certificate-team.png");
            ImageIO.write(image, "png", png.toFile());
            assertThat(image.getWidth()).isGreaterThan(image.getHeight());
            assertThat(inkedPixels(image)).as("the page has text and a border drawn").isGreaterThan(2_000);
        }
    }

    @Test
    void codesAreTwelveUnambiguousCharactersAndReadBackForgivingly() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = CertificateCode.random();
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{12}");
            codes.add(code);
        }
        assertThat(codes).hasSize(10_000);
        assertThat(CertificateCode.parse("7kq2-9mxc-4tzb")).contains("7KQ29MXC4TZB");
        assertThat(CertificateCode.parse("OIL2 9MXC 4TZB")).contains("0112" + "9MXC4TZB");
        assertThat(CertificateCode.parse("7KQ2-9MXC-4TZ")).isEmpty();
        assertThat(CertificateCode.parse("7KQ2-9MXC-4TZU")).isEmpty();
        assertThat(CertificateCode.parse("证书编号")).isEmpty();
        assertThat(CertificateCode.grouped("7KQ29MXC4TZB")).isEqualTo("7KQ2-9MXC-4TZB");
    }

    @Test
    void aTemplateIsCheckedWithEveryBadValueNamedByItsPath() {
        assertThatThrownBy(() -> TemplateReader.read("""
                {"page": {"size": "B9", "orientation": "SIDEWAYS"}, "colour": 1,
                 "border": {"color": "red", "frames": []},
                 "blocks": [{"text": "{winner}", "x": 9999, "y": 10, "size": 2, "align": "MIDDLE"}, 7]}"""))
                .isInstanceOfSatisfying(TemplateReader.InvalidTemplate.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("colour", "page.size",
                                "page.orientation", "border.color", "border.frames", "blocks[0].text", "blocks[0].x",
                                "blocks[0].size", "blocks[0].align", "blocks[1]"));
        assertThatThrownBy(() -> TemplateReader.read("""
                {"blocks": [{"text": "合格", "x": 10, "y": 10, "size": 12, "when": "SOMETIMES"}]}"""))
                .isInstanceOfSatisfying(TemplateReader.InvalidTemplate.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("blocks[0].when"));
        assertThat(TemplateReader.defaultTemplate().blocks()).isNotEmpty();
        assertThat(CertificateTemplate.fill("{names}，{award}{nope}", java.util.Map.of("names", "张三", "award", "金奖")))
                .isEqualTo("张三，金奖{nope}");
        assertThat(CertificatePdf.chineseDate(LocalDate.of(2026, 1, 5))).isEqualTo("2026年1月5日");
    }

    @Test
    void aFontPdfboxCannotEmbedIsRefusedWithTheReason() {
        String noto = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
        assertThat(Path.of(noto)).exists();
        CertificateFont rejected = new CertificateFont(noto);
        Throwable first = catchThrowable(rejected::font);
        assertThat(first).isInstanceOf(CertificateFont.Unavailable.class).hasMessageContaining("CFF");
        assertThat(catchThrowable(rejected::font)).as("a rejected font is not parsed again on every print")
                .isSameAs(first);
        assertThatThrownBy(() -> new CertificateFont("/nonexistent/font.ttf").font())
                .isInstanceOf(CertificateFont.Unavailable.class).hasMessageContaining("not found");
    }

    @Test
    void aCharacterTheFontLacksIsRefusedRatherThanPrintedAsAnEmptyBox() {
        Certificate c = certificate(2);
        Certificate odd = new Certificate(c.code(), c.contest(), c.event(), c.awardCode(), c.awardZh(), c.awardEn(),
                c.pass(), null, List.of("张\uD83D\uDE00"), c.enterprise(), c.rank(), c.issuedOn(), c.logSeq(), c.logHash());
        assertThatThrownBy(() -> new CertificatePdf(new CertificateFont(null)).render(TemplateReader.defaultTemplate(),
                List.of(new CertificatePdf.Sheet(odd, "http://localhost/verify/?code=" + c.code())), "odd"))
                .isInstanceOf(CertificatePdf.MissingGlyph.class).hasMessageContaining("证书字体缺少字符");
    }

    static String pdftotext(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    static long inkedPixels(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r + g + b < 600) {
                    inked++;
                }
            }
        }
        return inked;
    }
}
