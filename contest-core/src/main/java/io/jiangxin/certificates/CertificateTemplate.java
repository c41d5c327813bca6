package io.jiangxin.certificates;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate's layout: the page, a border of nested frames, an optional QR code of the verification URL, and
 * text blocks. Positions are in points (1/72 inch) from the page's top-left corner; a block's {@code y} is its
 * baseline. A block's text may hold placeholders ({@link #PLACEHOLDERS}); a block whose text fills to nothing is
 * left out, and one wider than {@code maxWidth} is set smaller until it fits. A block {@code when} AWARD prints only on
 * certificates of a place or share ("荣获 一等奖"), one {@code when} PASS only on those of a pass band ("考核合格"),
 * so a template words each as it reads naturally; a block without {@code when} prints on every certificate.
 */
public record CertificateTemplate(Page page, Border border, Qr qr, List<TextBlock> blocks) {

    public static final Set<String> PLACEHOLDERS = Set.of("contest", "event", "award", "awardEn", "names", "team",
            "enterprise", "date", "code", "url", "log");
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    public CertificateTemplate {
        blocks = List.copyOf(blocks);
    }

    public enum Size {
        A3(841.89, 1190.55), A4(595.28, 841.89), A5(419.53, 595.28);

        final double shortSide;
        final double longSide;

        Size(double shortSide, double longSide) {
            this.shortSide = shortSide;
            this.longSide = longSide;
        }
    }

    public enum Align { LEFT, CENTER, RIGHT }

    public record Page(Size size, boolean landscape) {
        public double width() {
            return landscape ? size.longSide : size.shortSide;
        }

        public double height() {
            return landscape ? size.shortSide : size.longSide;
        }
    }

    /** Frames drawn {@code inset} points inside the page edge, {@code width} points thick, in one colour. */
    public record Border(String color, List<Frame> frames) {
        public Border {
            frames = List.copyOf(frames);
        }
    }

    public record Frame(double inset, double width) {
    }

    /** The QR code's top-left corner and side. */
    public record Qr(double x, double y, double size) {
    }

    /** Which certificates a block prints on. */
    public enum When {
        AWARD, PASS;

        static When of(Certificate certificate) {
            return certificate.pass() ? PASS : AWARD;
        }
    }

    /** {@code when} null prints on every certificate. */
    public record TextBlock(String text, double x, double y, double size, Align align, String color, Double maxWidth,
                            When when) {

        public boolean printsOn(Certificate certificate) {
            return when == null || when == When.of(certificate);
        }
    }

    /** The block's text with each placeholder replaced; unknown names stay as written (the reader refuses them). */
    public static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
