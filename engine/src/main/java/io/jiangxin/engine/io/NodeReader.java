package io.jiangxin.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiangxin.engine.numeric.StrictDecimal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads one JSON/YAML object field by field, remembering its path and collecting every problem instead of
 * stopping at the first. Missing optional fields give {@code null}; unknown fields are errors (they are
 * usually typos of real ones). The one tree reader of the engine's scheme and marks files and of the ladder's
 * configuration; each hands in where its problems go, so each keeps its own error type.
 */
public final class NodeReader {

    /** Where a reader's problems go: a path ("$" for the root) and the message in zh and en. */
    @FunctionalInterface
    public interface Problems {
        void add(String path, String zh, String en);
    }

    /**
     * The brackets and colon of the zh messages: the engine's files have always been answered in half-width
     * punctuation, the ladder's configuration in full-width; neither changes under a user who has seen it.
     */
    public enum Punctuation {
        HALF_WIDTH("(", ")", ":"), FULL_WIDTH("（", "）", "：");

        private final String open;
        private final String close;
        private final String colon;

        Punctuation(String open, String close, String colon) {
            this.open = open;
            this.close = close;
            this.colon = colon;
        }

        String options(String options) {
            return open + "可用" + colon + options + close;
        }
    }

    private final JsonNode node;
    private final String path;
    private final Punctuation punctuation;
    private final Problems problems;

    private NodeReader(JsonNode node, String path, Punctuation punctuation, Problems problems) {
        this.node = node;
        this.path = path;
        this.punctuation = punctuation;
        this.problems = problems;
    }

    public static NodeReader root(JsonNode node, Punctuation punctuation, Problems problems) {
        return new NodeReader(node, "", punctuation, problems);
    }

    private NodeReader child(JsonNode value, String location) {
        return new NodeReader(value, location, punctuation, problems);
    }

    public String path() {
        return path;
    }

    public String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public void error(String location, String zh, String en) {
        problems.add(location.isEmpty() ? "$" : location, zh, en);
    }

    public boolean isObject() {
        if (node == null || !node.isObject()) {
            error(path, "这里应为对象", "an object is expected here");
            return false;
        }
        return true;
    }

    /** Reports fields not in {@code allowed}. */
    public void allow(String... allowed) {
        if (node == null || !node.isObject()) {
            return;
        }
        Set<String> known = new LinkedHashSet<>(Arrays.asList(allowed));
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                error(at(name), "未知字段 " + name + punctuation.options(String.join(", ", known)),
                        "unknown field " + name + " (expected one of: " + String.join(", ", known) + ")");
            }
        }
    }

    public boolean has(String field) {
        JsonNode value = raw(field);
        return value != null && !value.isNull();
    }

    public JsonNode raw(String field) {
        return node == null ? null : node.get(field);
    }

    private boolean missing(String field, boolean required) {
        if (has(field)) {
            return false;
        }
        if (required) {
            error(at(field), "缺少字段 " + field, "the field " + field + " is missing");
        }
        return true;
    }

    public String text(String field, boolean required) {
        if (missing(field, required)) {
            return null;
        }
        JsonNode value = raw(field);
        if (!value.isValueNode()) {
            error(at(field), "这里应为文字", "text is expected here");
            return null;
        }
        // YAML reads ids such as 1.1 as numbers; ids are text either way.
        String text = value.asText();
        if (Unicode.hasLoneSurrogate(text)) {
            error(at(field), "文字含有无效的 Unicode(孤立代理项)", "the text contains invalid Unicode (a lone surrogate)");
            return null;
        }
        return text;
    }

    /** A list of plain texts. */
    public List<String> texts(String field, boolean required) {
        return list(field, required, item -> {
            if (item.node == null || !item.node.isValueNode() || item.node.isNull()) {
                item.error(item.path, "这里应为文字", "text is expected here");
                return null;
            }
            return item.node.asText();
        });
    }

    public BigDecimal decimal(String field, boolean required) {
        if (missing(field, required)) {
            return null;
        }
        return decimalOf(raw(field), at(field));
    }

    /** A number or a numeric string, through the one strict parser: ASCII digits, bounded size, never trimmed. */
    public BigDecimal decimalOf(JsonNode value, String location) {
        try {
            if (value != null && value.isNumber()) {
                return StrictDecimal.of(value.numberValue());
            }
            if (value != null && value.isTextual()) {
                return StrictDecimal.parse(value.asText());
            }
        } catch (StrictDecimal.Refused refused) {
            error(location, refused.zh(), refused.en());
            return null;
        }
        error(location, "这里应为数字", "a number is expected here");
        return null;
    }

    public Integer integer(String field, boolean required) {
        BigDecimal value = decimal(field, required);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            error(at(field), "这里应为整数", "a whole number is expected here");
            return null;
        }
    }

    public int integer(String field, int defaultValue) {
        Integer value = integer(field, false);
        return value == null ? defaultValue : value;
    }

    public Boolean bool(String field) {
        if (!has(field)) {
            return null;
        }
        JsonNode value = raw(field);
        if (!value.isBoolean()) {
            error(at(field), "这里应为 true 或 false", "true or false is expected here");
            return null;
        }
        return value.booleanValue();
    }

    public boolean bool(String field, boolean defaultValue) {
        Boolean value = bool(field);
        return value == null ? defaultValue : value;
    }

    public LocalDate date(String field, boolean required) {
        String value = text(field, required);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            error(at(field), "日期格式应为 YYYY-MM-DD" + punctuation.colon + value, "a date YYYY-MM-DD is expected: " + value);
            return null;
        }
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
        String value = text(field, required);
        return value == null ? null : enumOf(value, type, at(field));
    }

    public <E extends Enum<E>> E enumOf(String value, Class<E> type, String location) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String options = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            error(location, "无效取值 " + value + punctuation.options(options),
                    "invalid value " + value + " (expected one of: " + options + ")");
            return null;
        }
    }

    public NodeReader object(String field, boolean required) {
        if (missing(field, required)) {
            return null;
        }
        NodeReader child = child(raw(field), at(field));
        return child.isObject() ? child : null;
    }

    /** Each element of an array field mapped by {@code mapper}; elements that map to {@code null} are dropped. */
    public <T> List<T> list(String field, boolean required, Function<NodeReader, T> mapper) {
        List<T> result = new ArrayList<>();
        if (missing(field, required)) {
            return result;
        }
        JsonNode value = raw(field);
        if (!value.isArray()) {
            error(at(field), "这里应为列表", "a list is expected here");
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            T item = mapper.apply(child(value.get(i), at(field) + "[" + i + "]"));
            if (item != null) {
                result.add(item);
            }
        }
        return result;
    }

    public JsonNode node() {
        return node;
    }

    /** Runs a domain constructor; its invariant failures become errors at this path. */
    public <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            error(path, "配置无效" + punctuation.colon + e.getMessage(), "invalid configuration: " + e.getMessage());
            return null;
        }
    }
}
