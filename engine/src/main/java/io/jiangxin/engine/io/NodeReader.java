package io.jiangxin.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiangxin.engine.numeric.StrictDecimal;
import io.jiangxin.engine.scheme.SchemeError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one JSON/YAML object field by field, remembering its path and collecting every problem instead of
 * stopping at the first. Missing optional fields give {@code null}; unknown fields are errors (they are
 * usually typos of real ones).
 */
final class NodeReader {

    private final JsonNode node;
    private final String path;
    private final List<SchemeError> errors;

    NodeReader(JsonNode node, String path, List<SchemeError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    static NodeReader root(JsonNode node, List<SchemeError> errors) {
        return new NodeReader(node, "", errors);
    }

    String path() {
        return path;
    }

    String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void error(String location, String zh, String en) {
        errors.add(new SchemeError(location.isEmpty() ? "$" : location, zh, en));
    }

    boolean isObject() {
        if (node == null || !node.isObject()) {
            error(path, "这里应为对象", "an object is expected here");
            return false;
        }
        return true;
    }

    /** Reports fields not in {@code allowed}. */
    void allow(String... allowed) {
        if (node == null || !node.isObject()) {
            return;
        }
        Set<String> known = new LinkedHashSet<>(Arrays.asList(allowed));
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                error(at(name), "未知字段 " + name + "(可用:" + String.join(", ", known) + ")",
                        "unknown field " + name + " (expected one of: " + String.join(", ", known) + ")");
            }
        }
    }

    boolean has(String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && !value.isNull();
    }

    JsonNode raw(String field) {
        return node == null ? null : node.get(field);
    }

    String text(String field, boolean required) {
        JsonNode value = raw(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(at(field), "缺少字段 " + field, "the field " + field + " is missing");
            }
            return null;
        }
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

    BigDecimal decimal(String field, boolean required) {
        JsonNode value = raw(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(at(field), "缺少字段 " + field, "the field " + field + " is missing");
            }
            return null;
        }
        return decimalOf(value, at(field));
    }

    /** A number or a numeric string, through the one strict parser: ASCII digits, bounded size, never trimmed. */
    BigDecimal decimalOf(JsonNode value, String location) {
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

    int integer(String field, int defaultValue) {
        Integer value = integer(field, false);
        return value == null ? defaultValue : value;
    }

    Boolean bool(String field) {
        JsonNode value = raw(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            error(at(field), "这里应为 true 或 false", "true or false is expected here");
            return null;
        }
        return value.booleanValue();
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
        String value = text(field, required);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String options = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            error(at(field), "无效取值 " + value + "(可用:" + options + ")",
                    "invalid value " + value + " (expected one of: " + options + ")");
            return null;
        }
    }

    NodeReader object(String field, boolean required) {
        JsonNode value = raw(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(at(field), "缺少字段 " + field, "the field " + field + " is missing");
            }
            return null;
        }
        NodeReader child = new NodeReader(value, at(field), errors);
        return child.isObject() ? child : null;
    }

    /** Each element of an array field mapped by {@code mapper}; elements that map to {@code null} are dropped. */
    <T> List<T> list(String field, boolean required, Function<NodeReader, T> mapper) {
        JsonNode value = raw(field);
        List<T> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            if (required) {
                error(at(field), "缺少字段 " + field, "the field " + field + " is missing");
            }
            return result;
        }
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

    JsonNode node() {
        return node;
    }
}
