package io.jiangxin.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.engine.io.Unicode;
import io.jiangxin.engine.numeric.StrictDecimal;
import io.jiangxin.registry.FieldError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The strict reading of a JSON request body: a key given twice, bytes that are not UTF-8, a lone surrogate
 * (raw or as a {@code \ud800} escape) in a key or a string, and a number beyond {@link StrictDecimal}'s caps are
 * each a 400 naming where, before any handler sees the body. Numbers with a fraction or an exponent arrive as exact
 * {@code BigDecimal}s, never doubles.
 */
final class StrictJson {

    private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(1000).build())
            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    /**
     * Makes Vert.x's own JSON codec (used by {@code ctx.body().asJsonObject()}, {@code new JsonObject(text)} and
     * WebSocket messages) refuse duplicate keys too, so no path through the server lets the last key win.
     */
    @SuppressWarnings("deprecation")
    static void hardenVertxCodec() {
        DatabindCodec.mapper().getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** The body as a JSON value: a {@link JsonObject}, a {@link JsonArray}, or a scalar. */
    static Object parse(Buffer body) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body.getBytes());
        } catch (StreamReadException e) {
            throw refused(e);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // over 64 levels deep, or a number of over 1,000 characters (shorter ones are named by field below)
            String limit = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new Problem(ErrorCode.MALFORMED_JSON, "JSON 超出限制 / the JSON exceeds a limit: "
                    + (limit.length() > 120 ? limit.substring(0, 120) + "…" : limit));
        } catch (IOException e) {
            throw new Problem(ErrorCode.MALFORMED_JSON, "JSON 格式错误 / malformed JSON");
        }
        if (tree == null || tree.isMissingNode()) {
            throw new Problem(ErrorCode.EMPTY_BODY, "请求体为空 / the body is empty");
        }
        return value(tree, "");
    }

    private static Problem refused(StreamReadException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            String where = e.getProcessor() == null || e.getProcessor().getParsingContext() == null ? ""
                    : path(e.getProcessor().getParsingContext());
            return new Problem(ErrorCode.DUPLICATE_KEY, "JSON 中有重复的键 / a key is given twice in the JSON",
                    List.of(new FieldError(where.isEmpty() ? "$" : where, "重复的键 / duplicate key")));
        }
        if (message.contains("UTF-8") || message.contains("UTF8")) {
            return new Problem(ErrorCode.INVALID_UTF8, "请求体不是有效的 UTF-8 / the body is not valid UTF-8");
        }
        String line = message.lines().findFirst().orElse("");
        return new Problem(ErrorCode.MALFORMED_JSON, "JSON 格式错误 / malformed JSON: "
                + (line.length() > 120 ? line.substring(0, 120) + "…" : line));
    }

    private static String path(com.fasterxml.jackson.core.JsonStreamContext context) {
        StringBuilder out = new StringBuilder();
        for (com.fasterxml.jackson.core.JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String step = c.inArray() ? "[" + c.getCurrentIndex() + "]"
                    : c.getCurrentName() == null ? "" : (out.length() == 0 && c.getParent().inRoot() ? "" : ".")
                    + StrictDecimal.echo(c.getCurrentName()).replace("\"", "");
            out.insert(0, step);
        }
        String text = out.toString();
        return text.startsWith(".") ? text.substring(1) : text;
    }

    private static Object value(JsonNode node, String path) {
        if (node.isObject()) {
            JsonObject object = new JsonObject();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (Unicode.hasLoneSurrogate(field.getKey())) {
                    throw invalidUnicode(path.isEmpty() ? "$" : path);
                }
                object.put(field.getKey(), value(field.getValue(), at));
            }
            return object;
        }
        if (node.isArray()) {
            JsonArray array = new JsonArray();
            for (int i = 0; i < node.size(); i++) {
                array.add(value(node.get(i), path + "[" + i + "]"));
            }
            return array;
        }
        if (node.isTextual()) {
            if (Unicode.hasLoneSurrogate(node.textValue())) {
                throw invalidUnicode(path);
            }
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            // Beyond a long it is no id, count or setting of ours; JsonInput refuses it by field.
            return node.canConvertToInt() ? (Object) node.intValue()
                    : node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            try {
                return StrictDecimal.of(node.decimalValue());
            } catch (StrictDecimal.Refused refused) {
                throw Problem.invalid(List.of(new FieldError(path.isEmpty() ? "$" : path, refused.bilingual())));
            }
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    private static Problem invalidUnicode(String path) {
        return new Problem(ErrorCode.INVALID_UNICODE,
                "文字含有无效的 Unicode(孤立代理项) / the text contains invalid Unicode (a lone surrogate)",
                List.of(new FieldError(path.isEmpty() ? "$" : path, "无效的 Unicode / invalid Unicode")));
    }
}
