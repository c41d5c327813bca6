package io.jiangxin.http;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.registry.FieldError;
import io.jiangxin.paging.PageRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Reads path ids, query filters and JSON bodies, answering bad ones with a 4xx that names what is wrong. */
final class Requests {

    private Requests() {
    }

    /** The strictly read JSON object body, refused here if the API document refused it (see {@link ContractGate}). */
    static JsonObject jsonBody(RoutingContext ctx) {
        JsonObject body = strictJsonBody(ctx);
        honourContract(ctx);
        return body;
    }

    /** Refuses the request if the API document refused its body; for routes that read the body without JsonInput. */
    static void honourContract(RoutingContext ctx) {
        Problem refusedByContract = ctx.get(ContractGate.BODY_REFUSAL);
        if (refusedByContract != null) {
            throw refusedByContract;
        }
    }

    /** The routing-context key of the request's body as {@link StrictJson} read it. */
    static final String PARSED_BODY = "jiangxin.parsedBody";

    /** The strictly read JSON object body, whatever the API document says of it. */
    static JsonObject strictJsonBody(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new Problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "请求体须为 application/json / the body must be application/json");
        }
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw new Problem(ErrorCode.EMPTY_BODY, "请求体为空 / the body is empty");
        }
        // Strict: duplicate keys, invalid UTF-8, lone surrogates and unbounded numbers are 400s here. The contract
        // gate has usually read it already; a request's body is read once.
        Object value = ctx.get(PARSED_BODY);
        if (value == null) {
            value = StrictJson.parse(body);
            ctx.put(PARSED_BODY, value);
        }
        if (!(value instanceof JsonObject object)) {
            throw new Problem(ErrorCode.NOT_AN_OBJECT, "请求体须为 JSON 对象 / the body must be a JSON object");
        }
        return object;
    }

    static final int MAX_IDEMPOTENCY_KEY = 200;

    /** Every write to a score log carries a client-chosen key, so a retry after a lost reply is recorded once. */
    static String idempotencyKey(RoutingContext ctx) {
        String key = ctx.request().getHeader("Idempotency-Key");
        if (key == null || key.isBlank()) {
            throw new Problem(ErrorCode.IDEMPOTENCY_KEY_REQUIRED,
                    "缺少 Idempotency-Key 请求头 / the Idempotency-Key header is required");
        }
        if (key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new Problem(ErrorCode.BAD_IDEMPOTENCY_KEY,
                    "Idempotency-Key 须为 1–200 个可见 ASCII 字符 / the Idempotency-Key must be 1–200 visible ASCII characters");
        }
        return key;
    }

    /** What a replay must repeat exactly: the method, the path and the body. */
    static String requestHash(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        return io.jiangxin.auth.Secrets.sha256(ctx.request().method().name() + " " + ctx.request().path() + "\n"
                + (body == null ? "" : body.toString()));
    }

    static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host();
    }

    static String device(RoutingContext ctx) {
        String device = ctx.request().getHeader("X-Device-Id");
        return device == null || device.length() > 100 ? null : device;
    }

    static String pathText(RoutingContext ctx, String name) {
        String raw = ctx.pathParam(name);
        if (raw == null || raw.isEmpty() || raw.length() > JsonInput.MAX_TEXT) {
            throw new Problem(ErrorCode.NOT_FOUND, "资源不存在 / no such resource");
        }
        return raw;
    }

    static long pathId(RoutingContext ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            long id = asciiDigits(raw, 18) ? Long.parseLong(raw) : 0;
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Problem(ErrorCode.NOT_FOUND, "资源不存在 / no such resource: " + raw);
    }

    static Long queryId(RoutingContext ctx, String name) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            long id = asciiDigits(raw, 18) ? Long.parseLong(raw) : 0;
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalidQuery(name, "须为正整数 / must be a positive id");
    }

    static Integer queryInt(RoutingContext ctx, String name, int min, int max) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            if (!asciiDigits(raw.startsWith("-") ? raw.substring(1) : raw, 10)) {
                throw new NumberFormatException();
            }
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalidQuery(name, "须为 " + min + " 至 " + max + " 的整数 / must be a whole number from " + min
                + " to " + max);
    }

    static String queryText(RoutingContext ctx, String name) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > JsonInput.MAX_TEXT) {
            throw invalidQuery(name, "过长 / too long");
        }
        return raw.strip();
    }

    static <E extends Enum<E>> E queryEnum(RoutingContext ctx, String name, Class<E> type) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw invalidQuery(name, "取值无效 / not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static PageRequest page(RoutingContext ctx) {
        Integer limit = queryInt(ctx, "limit", 1, PageRequest.MAX_LIMIT);
        Integer offset = queryInt(ctx, "offset", 0, Integer.MAX_VALUE);
        return new PageRequest(limit == null ? PageRequest.DEFAULT_LIMIT : limit, offset == null ? 0 : offset);
    }

    /**
     * Only ASCII digits: {@code Long.parseLong} would read fullwidth {@code ５} and Arabic-Indic {@code ٥} as 5, so
     * {@code /api/accounts/５/sessions} reached account 5.
     */
    static boolean asciiDigits(String raw, int maxLength) {
        if (raw == null || raw.isEmpty() || raw.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Problem invalidQuery(String name, String reason) {
        return new Problem(ErrorCode.INVALID_QUERY, "查询参数无效 / invalid query parameter",
                List.of(new FieldError(name, reason)));
    }
}
