package io.jiangxin.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.registry.FieldError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Enforces the served OpenAPI document at the edge: every JSON request to an operation it describes is validated
 * against the operation's parameters and body schema before a route sees it, so the document cannot drift from
 * the code. The routes keep only what a schema cannot say (business rules, strict decimals, cross-field checks).
 * Raw uploads and imports are not JSON; their routes check type and size before reading the body.
 */
public final class ContractGate {

    private static final java.util.regex.Pattern PARAMETER =
            java.util.regex.Pattern.compile("\\b(path|query|header|cookie) parameter (\\S+)");

    /** The routing-context key of a body the contract refused; {@link Requests#jsonBody} throws it. */
    static final String BODY_REFUSAL = "jiangxin.contract.bodyRefusal";

    /** A body of a thousand bad items is answered with the first few; the rest follow from fixing those. */
    private static final int MAX_FIELDS = 20;

    private static final java.util.regex.Pattern REQUIRED =
            java.util.regex.Pattern.compile("required property \"([^\"]+)\"");

    private final OpenAPIContract contract;
    private final RequestValidator validator;

    private ContractGate(OpenAPIContract contract, RequestValidator validator) {
        this.contract = contract;
        this.validator = validator;
    }

    /** Reads the served document; operations without an {@code operationId} are named by method and path. */
    public static Future<ContractGate> load(Vertx vertx) {
        JsonObject document = named(read());
        return OpenAPIContract.from(vertx, document).map(ValidatorCache::caching)
                .map(contract -> new ContractGate(contract, RequestValidator.create(vertx, contract)));
    }

    void handle(RoutingContext ctx) {
        Operation operation = contract.findOperation(ctx.request().path(), ctx.request().method());
        if (operation == null || !json(ctx)) {
            ctx.next();
            return;
        }
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body != null && body.length() > 0) {
            Object parsed;
            try {
                // The strict reading comes first, so a key given twice or broken UTF-8 keeps its own code.
                parsed = StrictJson.parse(body);
                ctx.put(Requests.PARSED_BODY, parsed);
            } catch (Problem refused) {
                Responses.error(ctx, refused);
                return;
            }
            if (!(parsed instanceof JsonObject object)) {
                ctx.next(); // the route says what it expected
                return;
            }
            // The API's convention (stated in the document): an optional field given as null is one left out.
            body = withoutNulls(object).toBuffer();
        } else if (operation.getRequestBody() != null) {
            ctx.next(); // the route answers an empty body with EMPTY_BODY
            return;
        }
        Buffer checked = body;
        RequestUtils.extract(ctx.request(), operation, () -> Future.succeededFuture(checked))
                .compose(request -> validate(request, operation, new ArrayList<>()))
                .onComplete(done -> {
                    Problem refused = done.succeeded() ? done.result() : refusal(done.cause());
                    if (refused == null) {
                        ctx.next();
                    } else if (refused.code().equals("INVALID_FIELDS")) {
                        // The body is refused when the route reads it, after its role checks: a user who may not
                        // act at all learns that first (403), whatever the body says.
                        ctx.put(BODY_REFUSAL, refused);
                        ctx.next();
                    } else {
                        Responses.error(ctx, refused);
                    }
                });
    }

    /**
     * Validates the request, and on a bad query parameter sets it aside and goes on, so that every bad parameter is
     * named at once; null when the request holds to the document.
     */
    private Future<Problem> validate(io.vertx.openapi.validation.ValidatableRequest request, Operation operation,
                                     List<FieldError> badQuery) {
        return validator.validate(request, operation.getOperationId())
                .<Problem>map(valid -> badQuery.isEmpty() ? null : invalidQuery(badQuery))
                .recover(failure -> {
                    Problem refused = refusal(failure);
                    if (refused.code().equals("INVALID_QUERY") && badQuery.size() < MAX_FIELDS) {
                        @SuppressWarnings("unchecked")
                        FieldError bad = ((List<FieldError>) refused.details()).get(0);
                        badQuery.add(bad);
                        if (request.getQuery().containsKey(bad.field())) {
                            return validate(without(request, bad.field()), operation, badQuery);
                        }
                    }
                    return Future.succeededFuture(badQuery.isEmpty() || !refused.code().equals("INVALID_QUERY")
                            ? refused : invalidQuery(badQuery));
                });
    }

    private static Problem invalidQuery(List<FieldError> parameters) {
        return new Problem(ErrorCode.INVALID_QUERY, "查询参数无效 / invalid query parameter", parameters);
    }

    /** The same request without one query parameter (the extracted request's maps cannot change). */
    private static io.vertx.openapi.validation.ValidatableRequest without(
            io.vertx.openapi.validation.ValidatableRequest request, String parameter) {
        Map<String, io.vertx.openapi.validation.RequestParameter> query = new java.util.HashMap<>(request.getQuery());
        query.remove(parameter);
        return new io.vertx.openapi.validation.impl.ValidatableRequestImpl(request.getCookies(), request.getHeaders(),
                request.getPathParameters(), query, request.getBody(), request.getContentType());
    }

    private static JsonObject withoutNulls(JsonObject object) {
        JsonObject copy = new JsonObject();
        object.forEach(field -> {
            Object value = field.getValue();
            if (value instanceof JsonObject inner) {
                copy.put(field.getKey(), withoutNulls(inner));
            } else if (value instanceof io.vertx.core.json.JsonArray array) {
                io.vertx.core.json.JsonArray items = new io.vertx.core.json.JsonArray();
                array.forEach(item -> items.add(item instanceof JsonObject inner ? withoutNulls(inner) : item));
                copy.put(field.getKey(), items);
            } else if (value != null) {
                copy.put(field.getKey(), value);
            }
        });
        return copy;
    }

    /** Whether the request's body, if any, is JSON: the only kind the document's schemas describe. */
    private static boolean json(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null) {
            return ctx.body() == null || ctx.body().length() <= 0;
        }
        return type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /**
     * The contract's refusal in the API's own terms: an id in the path that cannot exist is a 404 as before, a bad
     * query parameter 400 {@code INVALID_QUERY}, a body that breaks its schema 400 {@code INVALID_FIELDS}, each with
     * the parameter or field named.
     */
    static Problem refusal(Throwable failure) {
        if (failure instanceof Problem problem) {
            return problem;
        }
        java.util.regex.Matcher parameter = PARAMETER.matcher(String.valueOf(failure.getMessage()));
        if (parameter.find()) {
            String name = parameter.group(2);
            if (parameter.group(1).equals("path")) {
                return new Problem(ErrorCode.NOT_FOUND, "资源不存在 / no such resource: " + name);
            }
            return invalidQuery(List.of(new FieldError(name, reason(failure))));
        }
        List<FieldError> errors = new ArrayList<>();
        if (failure instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
            collect(schema.getOutputUnit(), errors);
        }
        if (errors.isEmpty()) {
            errors.add(new FieldError("request", reason(failure)));
        }
        return Problem.invalid(errors);
    }

    /**
     * The innermost failures, one per field: the validator also reports every enclosing schema ("property x does not
     * match schema"), which says nothing the innermost does not.
     */
    private static void collect(OutputUnit unit, List<FieldError> errors) {
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        leaves(unit, byField);
        byField.keySet().removeIf(field -> byField.keySet().stream()
                .anyMatch(other -> !other.equals(field) && (field.equals("body") || other.startsWith(field + "."))));
        byField.entrySet().stream().limit(MAX_FIELDS).forEach(e -> errors.add(new FieldError(e.getKey(),
                "不符合接口说明 / " + bounded(e.getValue()))));
    }

    private static void leaves(OutputUnit unit, Map<String, String> byField) {
        if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
            unit.getErrors().forEach(inner -> leaves(inner, byField));
            return;
        }
        if (unit.getError() != null) {
            String field = field(unit.getInstanceLocation());
            java.util.regex.Matcher missing = REQUIRED.matcher(unit.getError());
            if (missing.find()) {
                // a missing property is the property's error, as the routes name it, not its parent object's
                field = field.equals("body") ? missing.group(1) : field + "." + missing.group(1);
            }
            byField.put(field, unit.getError());
        }
    }

    private static String bounded(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }

    /** A JSON pointer as the routes name fields: {@code /blocks/0/align} is {@code blocks[0].align}. */
    private static String field(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("#") || pointer.equals("/")) {
            return "body";
        }
        StringBuilder field = new StringBuilder();
        for (String segment : pointer.replaceFirst("^#?/", "").split("/")) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && !name.isEmpty() && field.length() > 0) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(name);
            }
        }
        return field.toString();
    }

    private static String reason(Throwable failure) {
        String detail = failure instanceof ValidatorException v ? v.type() + ": " + v.getMessage()
                : String.valueOf(failure.getMessage());
        return "不符合接口说明 / " + bounded(detail);
    }

    private static JsonObject named(JsonObject document) {
        // The document's one server is the relative "/", which vertx-openapi cannot resolve; without it the paths
        // are matched from the root, which is what "/" means.
        document.remove("servers");
        JsonObject paths = document.getJsonObject("paths", new JsonObject());
        JsonObject shared = document.getJsonObject("components", new JsonObject())
                .getJsonObject("parameters", new JsonObject());
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (item.getValue(method) instanceof JsonObject operation
                        && List.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                    requestsOnly(operation.put("operationId", operation.getString("operationId", method + " " + path)),
                            shared);
                }
            }
        }
        return document;
    }

    /**
     * What the gate checks of an operation: its path and query parameters and its JSON body. Responses are the
     * tests' to check; headers (Idempotency-Key, Authorization) carry business codes of their own; uploads and
     * imports are not JSON and their routes check them before reading.
     */
    private static void requestsOnly(JsonObject operation, JsonObject shared) {
        operation.put("responses", new JsonObject().put("default", new JsonObject().put("description", "any")));
        if (operation.getValue("parameters") instanceof io.vertx.core.json.JsonArray parameters) {
            parameters.getList().removeIf(p -> {
                Map<?, ?> parameter = (Map<?, ?>) p;
                if (parameter.get("$ref") instanceof String ref) {
                    parameter = shared.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1)).getMap();
                }
                return !"path".equals(parameter.get("in")) && !"query".equals(parameter.get("in"));
            });
        }
        if (operation.getValue("requestBody") instanceof JsonObject body) {
            JsonObject content = body.getJsonObject("content", new JsonObject());
            content.fieldNames().removeIf(type -> !type.startsWith("application/json"));
            if (content.isEmpty()) {
                operation.remove("requestBody");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonObject read() {
        try {
            return new JsonObject(new ObjectMapper(new YAMLFactory()).readValue(OpenApiRoute.document().getBytes(),
                    Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
