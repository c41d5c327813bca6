package io.jiangxin.http;

import io.jiangxin.problem.Problem;
import io.jiangxin.registry.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of a JSON request body and collects every problem, so that one 400 names each bad field
 * instead of stopping at the first.
 */
final class JsonInput {

    static final int MAX_TEXT = 200;

    private final JsonObject body;
    private final List<FieldError> errors = new ArrayList<>();
    private Problem refusedByContract;

    /**
     * The request's JSON body with the fields this route reads. Where the API document refused the body
     * ({@link ContractGate}), {@link #check} says so after the route's own, more specific errors.
     */
    static JsonInput of(io.vertx.ext.web.RoutingContext ctx, Set<String> allowedFields) {
        JsonInput in = new JsonInput(Requests.strictJsonBody(ctx), allowedFields);
        in.refusedByContract = ctx.get(ContractGate.BODY_REFUSAL);
        return in;
    }

    JsonInput(JsonObject body, Set<String> allowedFields) {
        this.body = body;
        for (String field : body.fieldNames()) {
            if (!allowedFields.contains(field)) {
                errors.add(new FieldError(field, "未知字段 / unknown field"));
            }
        }
    }

    String requiredText(String field) {
        return requiredText(field, MAX_TEXT);
    }

    String requiredText(String field, int maxLength) {
        String value = optionalText(field, maxLength);
        if (value == null && !hasError(field)) {
            missing(field);
        }
        return value;
    }

    String optionalText(String field) {
        return optionalText(field, MAX_TEXT);
    }

    String optionalText(String field, int maxLength) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            errors.add(new FieldError(field, "须为字符串 / must be a string"));
            return null;
        }
        if (io.jiangxin.engine.io.Unicode.hasLoneSurrogate(text)) {
            errors.add(new FieldError(field, "含有无效的 Unicode(孤立代理项) / contains invalid Unicode (a lone surrogate)"));
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            errors.add(new FieldError(field, "不能为空 / must not be blank"));
            return null;
        }
        if (trimmed.length() > maxLength) {
            errors.add(new FieldError(field, "不能超过 " + maxLength + " 个字符 / at most " + maxLength + " characters"));
            return null;
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && !(c == '\n' && maxLength > MAX_TEXT))) {
            errors.add(new FieldError(field, "含有控制字符 / contains control characters"));
            return null;
        }
        return trimmed;
    }

    Integer requiredInt(String field, int min, int max) {
        Object value = body.getValue(field);
        if (value == null) {
            missing(field);
            return null;
        }
        Long number = wholeNumber(field, value);
        if (number == null) {
            return null;
        }
        if (number < min || number > max) {
            errors.add(new FieldError(field, "须在 " + min + " 至 " + max + " 之间 / must be between " + min
                    + " and " + max));
            return null;
        }
        return number.intValue();
    }

    Integer optionalInt(String field, int min, int max) {
        if (body.getValue(field) == null) {
            return null;
        }
        return requiredInt(field, min, max);
    }

    List<FieldError> problems() {
        return List.copyOf(errors);
    }

    Long requiredId(String field) {
        Long id = optionalId(field);
        if (id == null && !hasError(field)) {
            missing(field);
        }
        return id;
    }

    Long optionalId(String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        return positive(field, wholeNumber(field, value));
    }

    List<Long> requiredIds(String field) {
        Object value = body.getValue(field);
        if (value == null) {
            missing(field);
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            errors.add(new FieldError(field, "须为数组 / must be an array"));
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Object element = array.getValue(i);
            Long id = element == null ? null : positive(field + "[" + i + "]", wholeNumber(field + "[" + i + "]", element));
            if (element == null) {
                errors.add(new FieldError(field + "[" + i + "]", "不能为 null / must not be null"));
            }
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * A decimal given as a JSON number or a string, kept exactly as written, through the engine's one strict parser
     * ({@link io.jiangxin.engine.numeric.StrictDecimal}): ASCII digits only, no spaces around, at most 20 significant
     * digits, 15 before the point and 10 after it; refused with the field's name before any arithmetic.
     */
    java.math.BigDecimal requiredDecimal(String field) {
        Object value = body.getValue(field);
        if (value == null) {
            missing(field);
            return null;
        }
        return decimal(field, value);
    }

    java.math.BigDecimal decimal(String field, Object value) {
        try {
            if (value instanceof Number number) {
                return io.jiangxin.engine.numeric.StrictDecimal.of(number);
            }
            if (value instanceof String text) {
                return io.jiangxin.engine.numeric.StrictDecimal.parse(text);
            }
        } catch (io.jiangxin.engine.numeric.StrictDecimal.Refused refused) {
            errors.add(new FieldError(field, "须为数值:" + refused.zh() + " / must be a number: " + refused.en()));
            return null;
        }
        errors.add(new FieldError(field, "须为数值 / must be a number"));
        return null;
    }

    /** An array of objects, each read by the given reader with its own path. */
    <T> List<T> requiredObjects(String field, int max, java.util.function.BiFunction<String, io.vertx.core.json.JsonObject, T> reader) {
        Object value = body.getValue(field);
        if (value == null) {
            missing(field);
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > max) {
            errors.add(new FieldError(field, "须为 1 至 " + max + " 项的数组 / must be an array of 1 to " + max + " items"));
            return List.of();
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof io.vertx.core.json.JsonObject object)) {
                errors.add(new FieldError(field + "[" + i + "]", "须为对象 / must be an object"));
                continue;
            }
            T item = reader.apply(field + "[" + i + "]", object);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    List<String> optionalTexts(String field, int max) {
        Object value = body.getValue(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > max) {
            errors.add(new FieldError(field, "须为不超过 " + max + " 项的数组 / must be an array of at most " + max));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.getValue(i) instanceof String text && !text.isBlank() && text.length() <= MAX_TEXT
                    && !io.jiangxin.engine.io.Unicode.hasLoneSurrogate(text)) {
                texts.add(text.strip());
            } else {
                errors.add(new FieldError(field + "[" + i + "]", "须为非空字符串 / must be a non-blank string"));
            }
        }
        return texts;
    }

    void error(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        E value = optionalEnum(field, type);
        if (value == null && !hasError(field)) {
            missing(field);
        }
        return value;
    }

    <E extends Enum<E>> E optionalEnum(String field, Class<E> type) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
        }
        errors.add(new FieldError(field, "须为以下之一 / must be one of " + Arrays.toString(type.getEnumConstants())));
        return null;
    }

    void add(List<FieldError> more) {
        errors.addAll(more);
    }

    /** Throws a 400 naming every bad field, if there is any. */
    void check() {
        if (!errors.isEmpty()) {
            throw Problem.invalid(List.copyOf(errors));
        }
        if (refusedByContract != null) {
            throw refusedByContract;
        }
    }

    private Long wholeNumber(String field, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        errors.add(new FieldError(field, "须为整数 / must be a whole number"));
        return null;
    }

    private Long positive(String field, Long value) {
        if (value != null && value <= 0) {
            errors.add(new FieldError(field, "须为正整数 / must be a positive id"));
            return null;
        }
        return value;
    }

    private void missing(String field) {
        errors.add(new FieldError(field, "必填 / required"));
    }

    boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }
}
