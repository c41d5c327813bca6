package io.jiangxin.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every write operation (POST, PUT, PATCH, DELETE) of {@code openapi.yaml} with seeded bad input against a
 * real node: wrong types, out-of-range and over-long numbers, huge exponents, fullwidth and Arabic-Indic digits, lone
 * surrogates, bytes that are not UTF-8, duplicate keys, unknown fields, bodies that are not objects or are too
 * large, the wrong media type, unknown and malformed ids (in the path and as a body's {@code …Id}), no token, a forged
 * token and a role not allowed. Every
 * answer must be a 4xx with a JSON {@code error} and {@code message}, never a 5xx, and no table of the database
 * may change (row counts and contents). The seed is fixed and a time budget keeps it under a minute; the counts
 * are printed for the record.
 *
 * <p>Run alone: {@code mvn -o -B -pl server -am verify -Dtest=WriteApiFuzzIT -Dsurefire.failIfNoSpecifiedTests=false}
 */
class WriteApiFuzzIT {

    static final long SEED = 20261203L;
    static final Duration BUDGET = Duration.ofSeconds(45);

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static JudgingSetup setup;
    private static Map<String, Http> roles;
    private static JsonNode api;
    private static long organizationId;
    private static long personId;

    @BeforeAll
    static void setUp() throws Exception {
        Http organizer = server.organizer();
        setup = new JudgingSetup(organizer, "2026年模糊测试赛");
        roles = new LinkedHashMap<>();
        roles.put("organizer", organizer);
        roles.put("judge", server.anonymous().signIn(setup.j1Code));
        roles.put("head", server.anonymous().signIn(setup.headCode));
        roles.put("arbiter", server.anonymous().signIn(setup.arbiterCode));
        roles.put("judge2", server.anonymous().signIn(setup.j2Code));
        roles.put("anonymous", server.anonymous());
        roles.put("forged", server.anonymous().as("forged-token-" + "x".repeat(40)));
        JsonObject org = organizer.get("/api/organizations?limit=1").json().getJsonArray("items").getJsonObject(0);
        organizationId = org.getLong("id");
        personId = organizer.get("/api/people?limit=1").json().getJsonArray("items").getJsonObject(0).getLong("id");
        try (InputStream in = WriteApiFuzzIT.class.getResourceAsStream("/openapi.yaml")) {
            api = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    /** One operation of the document. */
    record Operation(String method, String path, JsonNode operation) {
        String name() {
            return method + " " + path;
        }

        JsonNode bodySchema() {
            JsonNode content = operation.path("requestBody").path("content");
            return content.has("application/json") ? content.path("application/json").path("schema") : null;
        }

        String mediaType() {
            Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
            return types.hasNext() ? types.next() : null;
        }
    }

    /** One request to send: who, where, with what bytes. */
    record Attempt(String what, String role, String path, byte[] body, String contentType) {
    }

    @Test
    void everyWriteOperationAnswersBadInputWithA4xxAndChangesNothing() {
        List<Operation> operations = operations();
        assertThat(operations).as("write operations in openapi.yaml").hasSizeGreaterThan(50);
        Map<String, String> before = snapshot();
        Random random = new Random(SEED);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int walked = 0;
        long started = System.nanoTime();
        long deadline = started + BUDGET.toNanos();
        for (Operation operation : operations) {
            if (System.nanoTime() > deadline) {
                break;
            }
            walked++;
            for (Attempt attempt : attempts(operation, random)) {
                Reply reply = send(operation.method(), attempt);
                sent++;
                byStatus.merge(reply.status(), 1, Integer::sum);
                String problem = judge(reply);
                if (problem != null) {
                    failures.add(operation.name() + " [" + attempt.what() + " as " + attempt.role() + " → "
                            + attempt.path() + "]: " + problem);
                }
            }
        }
        Map<String, String> after = snapshot();
        System.out.printf("write-API fuzz (seed %d): %d of %d operations walked, %d requests sent in %.1f s, by status %s,"
                + " %d failures%n", SEED, walked, operations.size(), sent, (System.nanoTime() - started) / 1e9, byStatus,
                failures.size());
        failures.stream().limit(40).forEach(f -> System.out.println("  " + f));
        assertThat(failures).as("answers that were not a 4xx with a reason").isEmpty();
        assertThat(walked).as("every operation walked within the budget").isEqualTo(operations.size());
        assertThat(after).as("no stored state changed").isEqualTo(before);
    }

    private static String judge(Reply reply) {
        if (reply.status() < 400 || reply.status() >= 500) {
            return "status " + reply.status() + " " + abbreviate(reply.body());
        }
        try {
            JsonObject body = new JsonObject(reply.body());
            if (body.getString("error") == null || body.getString("error").isBlank()
                    || body.getString("message") == null || body.getString("message").isBlank()) {
                return "no error/message: " + abbreviate(reply.body());
            }
        } catch (RuntimeException e) {
            return "not a JSON reason: " + abbreviate(reply.body());
        }
        if (reply.body().length() > 4000) {
            return "an answer of " + reply.body().length() + " characters";
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static Reply send(String method, Attempt attempt) {
        Http http = roles.get(attempt.role()).key(UUID.randomUUID().toString());
        return attempt.body() == null && attempt.contentType() == null
                ? http.sendBody(method, attempt.path(), "", null)
                : http.sendBytes(method, attempt.path(), attempt.body() == null ? new byte[0] : attempt.body(),
                        attempt.contentType());
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase();
            if (List.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                operations.add(new Operation(method, path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    // ---- the attempts for one operation ----

    private List<Attempt> attempts(Operation operation, Random random) {
        List<Attempt> attempts = new ArrayList<>();
        String path = realPath(operation.path(), false);
        String role = roleFor(operation);
        JsonNode schema = operation.bodySchema();
        // Who: no token, a forged token, and (for an organizer's write) a judge.
        byte[] plausible = schema == null ? null : utf8(((JsonObject) valid(resolve(schema), random)).encode());
        String type = schema == null ? (operation.mediaType() == null ? null : operation.mediaType()) : "application/json";
        attempts.add(new Attempt("no token", "anonymous", path, plausible, type));
        attempts.add(new Attempt("forged token", "forged", path, plausible, type));
        if (role.equals("organizer") && !operation.path().equals("/api/sessions/current")) {
            attempts.add(new Attempt("role not allowed", "judge2", path, plausible, type));
        }
        // Where: unknown and malformed ids.
        for (String bad : new String[] {"987654321", "0", "-1", "abc", "1e999999999", "%EF%BC%95", "%D9%A5",
                "9223372036854775808"}) {
            String unknown = withIds(operation.path(), bad);
            if (!unknown.equals(path)) {
                attempts.add(new Attempt("id " + bad, role, unknown, plausible, type));
            }
        }
        if (schema == null) {
            if (operation.mediaType() != null) {
                // The registration import: not a sheet, not UTF-8, empty, the wrong media type.
                attempts.add(new Attempt("not a sheet", role, path, utf8("这不是报名表\n1,2,3\n"), operation.mediaType()));
                attempts.add(new Attempt("not UTF-8", role, path, new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41, 0x0A},
                        operation.mediaType()));
                attempts.add(new Attempt("empty", role, path, new byte[0], operation.mediaType()));
                attempts.add(new Attempt("JSON instead", role, path, utf8("{\"a\":1}"), "application/json"));
            }
            return attempts;
        }
        // What: bodies that are not a JSON object, or not JSON at all.
        for (String text : new String[] {"", "{", "[]", "\"text\"", "null", "42", "{\"a\":", "{}}", "{} {}"}) {
            attempts.add(new Attempt("body " + text, role, path, utf8(text), "application/json"));
        }
        attempts.add(new Attempt("wrong media type", role, path, plausible, "text/plain"));
        attempts.add(new Attempt("oversized", role, path, oversized(), "application/json"));
        attempts.add(new Attempt("not UTF-8", role, path, notUtf8(plausible), "application/json"));
        JsonObject base = (JsonObject) valid(resolve(schema), random);
        if (!base.isEmpty()) {
            String first = base.fieldNames().iterator().next();
            String encoded = base.encode();
            attempts.add(new Attempt("duplicate key " + first, role, path, utf8(duplicateFirstKey(encoded, first)),
                    "application/json"));
        }
        attempts.add(new Attempt("unknown field", role, path, utf8(base.copy().put("zzUnknown", 1).encode()),
                "application/json"));
        attempts.add(new Attempt("lone surrogate key", role, path, utf8(base.copy().put("名\ud800", "x").encode()),
                "application/json"));
        if (resolve(schema).has("required") && resolve(schema).path("required").size() > 0) {
            attempts.add(new Attempt("required fields missing", role, path, utf8("{}"), "application/json"));
        }
        // Each property, and each property of a first array item, given a bad value.
        mutateProperties(resolve(schema), base, "", random, (what, body) ->
                attempts.add(new Attempt(what, role, path, utf8(body.encode()), "application/json")));
        return attempts;
    }

    private interface Sink {
        void accept(String what, JsonObject body);
    }

    private void mutateProperties(JsonNode schema, JsonObject base, String prefix, Random random, Sink sink) {
        JsonNode properties = schema.path("properties");
        Iterator<String> names = properties.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode property = resolve(properties.path(name));
            List<Object> values = badValues(property, random);
            if ("integer".equals(type(property)) && name.endsWith("Id")) {
                values.add(987_654_321L);
            }
            for (Object bad : values) {
                JsonObject copy = base.copy();
                copy.put(name, bad);
                sink.accept(prefix + name + "=" + describe(bad), copy);
            }
            JsonNode items = resolve(property.path("items"));
            if ("array".equals(type(property)) && "object".equals(type(items))
                    && base.getValue(name) instanceof JsonArray array && !array.isEmpty()
                    && array.getValue(0) instanceof JsonObject item) {
                mutateProperties(items, item, prefix + name + "[0].", random, (what, mutated) -> {
                    JsonObject copy = base.copy();
                    copy.put(name, new JsonArray().add(mutated));
                    sink.accept(what, copy);
                });
            }
        }
    }

    /** Values that are wrong for the property whatever else the body says. */
    private static List<Object> badValues(JsonNode property, Random random) {
        String type = type(property);
        List<Object> bad = new ArrayList<>();
        // A huge exponent and an over-long number are wrong for every field, whatever its type.
        bad.add(new BigDecimal("1e999999999"));
        bad.add(new BigDecimal("1e-999999999"));
        bad.add("\ud800" + "名");
        switch (type == null ? "any" : type) {
            case "string" -> {
                bad.add(42);
                bad.add(true);
                bad.add(new JsonArray().add("x"));
                bad.add(new JsonObject().put("x", 1));
                if (property.has("enum")) {
                    bad.add("NOT_ONE_OF_THEM");
                }
                if (property.has("format") && property.path("format").asText().startsWith("date")) {
                    bad.add("２０２６-０１-０１");
                }
                bad.add("x".repeat(property.path("maxLength").asInt(200) + 1 + random.nextInt(50_000)));
            }
            case "integer" -> {
                bad.add("12");
                bad.add("５");
                bad.add(1.5);
                bad.add(new BigInteger("9".repeat(30)));
                bad.add(-1L - random.nextInt(1000));
                bad.add(true);
            }
            case "number" -> {
                bad.add("٥");
                bad.add("５");
                bad.add(" 5");
                bad.add("5 ");
                bad.add("NaN");
                bad.add("9".repeat(40));
                bad.add(true);
                bad.add(new JsonObject());
            }
            case "boolean" -> {
                bad.add("true");
                bad.add(1);
            }
            case "array" -> {
                bad.add("x");
                bad.add(new JsonObject());
                JsonArray huge = new JsonArray();
                for (int i = 0; i < 2_000; i++) {
                    huge.add(i);
                }
                bad.add(huge);
            }
            case "object" -> {
                bad.add("x");
                bad.add(new JsonArray());
                bad.add(7);
            }
            default -> {
                // oneOf number|string (a mark value): foreign digits and spaces
                bad.add("５");
                bad.add("٥");
                bad.add(" 5");
                bad.add(true);
                bad.add(new JsonObject());
            }
        }
        return bad;
    }

    private static String describe(Object value) {
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        text = text.length() > 30 ? text.substring(0, 30) + "…" : text;
        StringBuilder printable = new StringBuilder();
        text.chars().forEach(c -> printable.append(Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return printable.toString();
    }

    /** A plausible value for a schema (so that one bad field is the only thing wrong). */
    private Object valid(JsonNode schema, Random random) {
        String type = type(schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        switch (type == null ? "string" : type) {
            case "object" -> {
                JsonObject object = new JsonObject();
                schema.path("properties").fields().forEachRemaining(p ->
                        object.put(p.getKey(), valid(resolve(p.getValue()), random)));
                return object;
            }
            case "array" -> {
                return new JsonArray().add(valid(resolve(schema.path("items")), random));
            }
            case "integer" -> {
                return schema.has("minimum") ? schema.path("minimum").asLong() : 1L;
            }
            case "number" -> {
                return 1;
            }
            case "boolean" -> {
                return false;
            }
            default -> {
                String format = schema.path("format").asText("");
                return format.equals("date") ? "2026-01-01" : format.equals("date-time") ? "2026-01-01T09:00" : "模糊测试";
            }
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        return null;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = api.at(ref.substring(1));
        }
        if (current.has("allOf") && current.path("allOf").size() == 1) {
            return resolve(current.path("allOf").get(0));
        }
        return current;
    }

    // ---- paths ----

    private static String realPath(String template, boolean unknown) {
        StringBuilder out = new StringBuilder();
        String[] segments = template.split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (i > 0) {
                out.append('/');
            }
            if (segment.startsWith("{")) {
                out.append(idFor(segments[i - 1], segment));
            } else {
                out.append(segment);
            }
        }
        return out.toString();
    }

    /** The template with every path parameter set to one bad value. */
    private static String withIds(String template, String bad) {
        return template.replaceAll("\\{[^}]+}", bad);
    }

    /** A real id for a parameter, by the collection it follows, so a request reaches the body's checks. */
    private static String idFor(String collection, String parameter) {
        return switch (collection) {
            case "organizations" -> String.valueOf(organizationId);
            case "people" -> String.valueOf(personId);
            case "contests" -> String.valueOf(setup.contestId);
            case "events" -> String.valueOf(setup.eventId);
            case "registrations" -> String.valueOf(setup.entry001);
            case "accounts" -> String.valueOf(setup.j1);
            case "panel" -> String.valueOf(setup.j1);
            case "sheets" -> "001";
            case "ladders" -> "L-fuzz";
            case "objections" -> "O1";
            default -> "1";
        };
    }

    private static String roleFor(Operation operation) {
        String path = operation.path();
        if (path.equals("/api/sessions")) {
            return "anonymous";
        }
        if (path.endsWith("/marks") || path.endsWith("/remarks") || path.endsWith("/presence")) {
            return "judge";
        }
        if (path.contains("/sheets/") || path.endsWith("/sign-off")) {
            return "head";
        }
        if (path.endsWith("/decision")) {
            return "arbiter";
        }
        return "organizer";
    }

    // ---- bytes ----

    /** UTF-8, except that a lone surrogate (which UTF-8 cannot carry) is sent as its JSON escape {@code \\ud800}. */
    private static byte[] utf8(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String duplicateFirstKey(String encoded, String first) {
        // {"a":…, …} → {"a":"dup","a":…, …}
        return "{" + new JsonObject().put(first, "重复").encode().replaceAll("^\\{|}$", "") + "," + encoded.substring(1);
    }

    private static byte[] oversized() {
        return utf8("{\"pad\":\"" + "x".repeat(300_000) + "\"}");
    }

    /** The body with its first non-ASCII byte made 0xFF, or a body with a broken two-byte sequence. */
    private static byte[] notUtf8(byte[] plausible) {
        byte[] bytes = plausible == null ? utf8("{\"name\":\"模糊\"}") : plausible.clone();
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xFF) >= 0x80) {
                bytes[i] = (byte) 0xFF;
                return bytes;
            }
        }
        byte[] broken = utf8("{\"n\":\"??\"}");
        broken[6] = (byte) 0xC3;
        broken[7] = (byte) 0x28;
        return broken;
    }

    // ---- stored state ----

    /** Every table's row count and contents (sessions by count: signing in is allowed to touch last-seen times). */
    private static Map<String, String> snapshot() {
        Map<String, String> state = new TreeMap<>();
        for (String table : server.database().queryStrings(
                "select tablename from pg_tables where schemaname = current_schema() order by 1")) {
            String sql = table.equals("session")
                    ? "select count(*)::text from session"
                    : "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from \""
                            + table + "\" t";
            state.put(table, server.database().queryStrings(sql).get(0));
        }
        return state;
    }
}
