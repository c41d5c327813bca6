package io.jiangxin.certificates.print;

import io.jiangxin.certificates.CertificateTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiangxin.registry.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a certificate template from JSON and checks it, naming every bad value by its path
 * ({@code blocks[2].align}). The format is in docs/api.md; the default is {@code certificates/default-template.json}.
 */
public final class TemplateReader {

    public static final String DEFAULT_RESOURCE = "/certificates/default-template.json";
    static final int MAX_BLOCKS = 40;
    static final int MAX_TEXT = 500;
    static final int MAX_FRAMES = 5;
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    /** A key given twice is refused, never "the last one wins". */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A template that failed its checks, with every error. */
    public static final class InvalidTemplate extends RuntimeException {
        private final transient List<FieldError> errors;

        InvalidTemplate(List<FieldError> errors) {
            super(errors.toString(), null, false, false);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    private final List<FieldError> errors = new ArrayList<>();

    private TemplateReader() {
    }

    public static CertificateTemplate defaultTemplate() {
        try (InputStream in = TemplateReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String defaultJson() {
        try (InputStream in = TemplateReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CertificateTemplate read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.exc.StreamReadException e) {
            boolean duplicate = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
            throw new InvalidTemplate(List.of(new FieldError("template", duplicate
                    ? "JSON 中有重复的键 / a key is given twice in the JSON" : "JSON 格式错误 / malformed JSON")));
        } catch (JsonProcessingException e) {
            throw new InvalidTemplate(List.of(new FieldError("template", "JSON 格式错误 / malformed JSON")));
        }
        return new TemplateReader().template(root);
    }

    private CertificateTemplate template(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidTemplate(List.of(new FieldError("template", "须为 JSON 对象 / must be a JSON object")));
        }
        known(root, "", Set.of("page", "border", "qr", "blocks"));
        CertificateTemplate.Page page = page(root.get("page"));
        CertificateTemplate.Border border = border(root.get("border"));
        CertificateTemplate.Qr qr = qr(root.get("qr"), page);
        List<CertificateTemplate.TextBlock> blocks = new ArrayList<>();
        JsonNode list = root.get("blocks");
        if (list == null || !list.isArray() || list.isEmpty()) {
            error("blocks", "须为非空数组 / must be a non-empty array");
        } else if (list.size() > MAX_BLOCKS) {
            error("blocks", "最多 " + MAX_BLOCKS + " 个 / at most " + MAX_BLOCKS);
        } else {
            for (int i = 0; i < list.size(); i++) {
                blocks.add(block(list.get(i), "blocks[" + i + "]", page));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidTemplate(errors);
        }
        return new CertificateTemplate(page, border, qr, blocks);
    }

    private CertificateTemplate.Page page(JsonNode node) {
        if (node == null) {
            return new CertificateTemplate.Page(CertificateTemplate.Size.A4, true);
        }
        if (!node.isObject()) {
            error("page", "须为对象 / must be an object");
            return new CertificateTemplate.Page(CertificateTemplate.Size.A4, true);
        }
        known(node, "page.", Set.of("size", "orientation"));
        CertificateTemplate.Size size = choice(node, "page.size", "size", CertificateTemplate.Size.class,
                CertificateTemplate.Size.A4);
        String orientation = text(node, "page.orientation", "orientation", false, 20);
        boolean landscape = true;
        if (orientation != null) {
            switch (orientation.toUpperCase(Locale.ROOT)) {
                case "LANDSCAPE" -> landscape = true;
                case "PORTRAIT" -> landscape = false;
                default -> error("page.orientation", "须为 LANDSCAPE 或 PORTRAIT / must be LANDSCAPE or PORTRAIT");
            }
        }
        return new CertificateTemplate.Page(size, landscape);
    }

    private CertificateTemplate.Border border(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            error("border", "须为对象 / must be an object");
            return null;
        }
        known(node, "border.", Set.of("color", "frames"));
        String color = color(node, "border.color", "#000000");
        List<CertificateTemplate.Frame> frames = new ArrayList<>();
        JsonNode list = node.get("frames");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_FRAMES) {
            error("border.frames", "须为 1–" + MAX_FRAMES + " 个边框 / must list 1 to " + MAX_FRAMES + " frames");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String path = "border.frames[" + i + "]";
                JsonNode frame = list.get(i);
                if (!frame.isObject()) {
                    error(path, "须为对象 / must be an object");
                    continue;
                }
                known(frame, path + ".", Set.of("inset", "width"));
                frames.add(new CertificateTemplate.Frame(number(frame, path + ".inset", "inset", 0, 200, null),
                        number(frame, path + ".width", "width", 0.1, 20, null)));
            }
        }
        return new CertificateTemplate.Border(color, frames);
    }

    private CertificateTemplate.Qr qr(JsonNode node, CertificateTemplate.Page page) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            error("qr", "须为对象 / must be an object");
            return null;
        }
        known(node, "qr.", Set.of("x", "y", "size"));
        double size = number(node, "qr.size", "size", 30, 300, null);
        return new CertificateTemplate.Qr(number(node, "qr.x", "x", 0, page.width() - size, null),
                number(node, "qr.y", "y", 0, page.height() - size, null), size);
    }

    private CertificateTemplate.TextBlock block(JsonNode node, String path, CertificateTemplate.Page page) {
        if (!node.isObject()) {
            error(path, "须为对象 / must be an object");
            return null;
        }
        known(node, path + ".", Set.of("text", "x", "y", "size", "align", "color", "maxWidth", "when"));
        String text = text(node, path + ".text", "text", true, MAX_TEXT);
        if (text != null) {
            Matcher m = CertificateTemplate.PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!CertificateTemplate.PLACEHOLDERS.contains(m.group(1))) {
                    error(path + ".text", "未知占位符 " + m.group() + "，可用：" + CertificateTemplate.PLACEHOLDERS
                            .stream().sorted().map(p -> "{" + p + "}").toList() + " / unknown placeholder " + m.group());
                }
            }
        }
        double x = number(node, path + ".x", "x", 0, page.width(), null);
        double y = number(node, path + ".y", "y", 0, page.height(), null);
        double size = number(node, path + ".size", "size", 4, 200, null);
        CertificateTemplate.Align align = choice(node, path + ".align", "align", CertificateTemplate.Align.class,
                CertificateTemplate.Align.LEFT);
        String color = color(node, path + ".color", "#000000");
        Double maxWidth = node.has("maxWidth") ? number(node, path + ".maxWidth", "maxWidth", 10, page.width(), null)
                : null;
        CertificateTemplate.When when = choice(node, path + ".when", "when", CertificateTemplate.When.class, null);
        return new CertificateTemplate.TextBlock(text, x, y, size, align, color, maxWidth, when);
    }

    private void known(JsonNode node, String prefix, Set<String> names) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                error(prefix + name, "未知字段 / unknown field");
            }
        }
    }

    private double number(JsonNode node, String path, String name, double min, double max, Double fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                error(path, "缺少该字段 / missing");
                return min;
            }
            return fallback;
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            error(path, "须为 " + plain(min) + " 至 " + plain(max) + " 之间的数 / must be a number from " + plain(min)
                    + " to " + plain(max));
            return min;
        }
        return value.asDouble();
    }

    private String text(JsonNode node, String path, String name, boolean required, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                error(path, "缺少该字段 / missing");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
            error(path, "须为 1–" + max + " 个字符的文本 / must be text of 1 to " + max + " characters");
            return null;
        }
        if (value.asText().codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            error(path, "含有无效的 Unicode / contains invalid Unicode (a lone surrogate)");
            return null;
        }
        return value.asText();
    }

    private String color(JsonNode node, String path, String fallback) {
        String color = text(node, path, "color", false, 7);
        if (color == null) {
            return fallback;
        }
        if (!COLOR.matcher(color).matches()) {
            error(path, "须为 #RRGGBB 颜色 / must be a colour #RRGGBB");
            return fallback;
        }
        return color;
    }

    private <E extends Enum<E>> E choice(JsonNode node, String path, String name, Class<E> type, E fallback) {
        String value = text(node, path, name, false, 20);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(path, "取值无效，可用 / not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return fallback;
        }
    }

    private void error(String path, String reason) {
        errors.add(new FieldError(path, reason));
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
