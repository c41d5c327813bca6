package io.jiangxin.ladder.io;

import com.fasterxml.jackson.databind.JsonNode;

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

/**
 * Reads one JSON/YAML object field by field, remembering its path and collecting every problem instead of
 * stopping at the first. Missing optional fields give {@code null}; unknown fields are errors (usually typos).
 */
final class NodeReader {

    private final JsonNode node;
    private final String path;
    private final List<ConfigError> errors;

    NodeReader(JsonNode node, String path, List<ConfigError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    String path() {
        return path;
    }

    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void error(String location, String zh, String en) {
        errors.add(new ConfigError(location.isEmpty() ? "$" : location, zh, en));
    }

    boolean isObject() {
        if (node == null || !node.isObject()) {
            error(path, "这里应为对象", "an object is expected here");
            return false;
        }
        return true;
    }

    void allow(String... allowed) {
        if (node == null || !node.isObject()) {
            return;
        }
        Set<String> known = new LinkedHashSet<>(Arrays.asList(allowed));
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                error(at(name), "未知字段 " + name + "（可用：" + String.join(", ", known) + "）",
                        "unknown field " + name + " (expected one of: " + String.join(", ", known) + ")");
            }
        }
    }

    boolean has(String field) {
        JsonNode value = raw(field);
        return value != null && !value.isNull();
    }

    JsonNode raw(String field) {
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

    String text(String field, boolean required) {
        if (missing(field, required)) {
            return null;
        }
        JsonNode value = raw(field);
        if (!value.isValueNode()) {
            error(at(field), "这里应为文字", "text is expected here");
            return null;
        }
        String text = value.asText();
        if (text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            // codePoints() leaves only unpaired surrogates as surrogate values.
            error(at(field), "文字含有无效的 Unicode(孤立代理项)", "the text contains invalid Unicode (a lone surrogate)");
            return null;
        }
        return text;
    }

    BigDecimal decimal(String field, boolean required) {
        if (missing(field, required)) {
            return null;
        }
        JsonNode value = raw(field);
        try {
            // The engine's one strict parser: ASCII digits, bounded size, never trimmed or reinterpreted.
            if (value.isNumber()) {
                return io.jiangxin.engine.numeric.StrictDecimal.of(value.numberValue());
            }
            if (value.isTextual()) {
                return io.jiangxin.engine.numeric.StrictDecimal.parse(value.asText());
            }
        } catch (io.jiangxin.engine.numeric.StrictDecimal.Refused refused) {
            error(at(field), refused.zh(), refused.en());
            return null;
        }
        error(at(field), "这里应为数字", "a number is expected here");
        return null;
    }

    Integer integer(String field, boolean required) {
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

    boolean bool(String field, boolean defaultValue) {
        if (!has(field)) {
            return defaultValue;
        }
        JsonNode value = raw(field);
        if (!value.isBoolean()) {
            error(at(field), "这里应为 true 或 false", "true or false is expected here");
            return defaultValue;
        }
        return value.booleanValue();
    }

    LocalDate date(String field, boolean required) {
        String value = text(field, required);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            error(at(field), "日期格式应为 YYYY-MM-DD：" + value, "a date YYYY-MM-DD is expected: " + value);
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
        String value = text(field, required);
        return value == null ? null : enumOf(value, type, at(field));
    }

    <E extends Enum<E>> E enumOf(String value, Class<E> type, String location) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String options = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            error(location, "无效取值 " + value + "（可用：" + options + "）",
                    "invalid value " + value + " (expected one of: " + options + ")");
            return null;
        }
    }

    NodeReader object(String field, boolean required) {
        if (missing(field, required)) {
            return null;
        }
        NodeReader child = new NodeReader(raw(field), at(field), errors);
        return child.isObject() ? child : null;
    }

    /** Each element of an array field mapped by {@code mapper}; elements that map to {@code null} are dropped. */
    <T> List<T> list(String field, boolean required, Function<NodeReader, T> mapper) {
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
            T item = mapper.apply(new NodeReader(value.get(i), at(field) + "[" + i + "]", errors));
            if (item != null) {
                result.add(item);
            }
        }
        return result;
    }

    /** A list of plain texts. */
    List<String> texts(String field, boolean required) {
        return list(field, required, item -> {
            if (item.node == null || !item.node.isValueNode() || item.node.isNull()) {
                item.error(item.path, "这里应为文字", "text is expected here");
                return null;
            }
            return item.node.asText();
        });
    }

    JsonNode node() {
        return node;
    }

    /** Runs a domain constructor; its invariant failures become errors at this path. */
    <T> T build(java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            error(path, "配置无效：" + e.getMessage(), "invalid configuration: " + e.getMessage());
            return null;
        }
    }
}
