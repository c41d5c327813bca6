package io.jiangxin.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain blocking HTTP client for tests: no Vert.x on the calling side, so the server is seen from outside. */
public final class Http {

    /** One answer: status, raw body and, when the body is a JSON object, that object. */
    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public long id() {
            return json().getLong("id");
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient client;
    private final String base;
    private final String token;
    private final String idempotencyKey;
    private String[] header = new String[0];

    public Http(int port) {
        this(CLIENT, "http://127.0.0.1:" + port, null, null);
    }

    /** The same client, sending one more header with every request (e.g. X-Request-Id). */
    public Http withHeader(String name, String value) {
        Http copy = new Http(client, base, token, idempotencyKey);
        copy.header = new String[] {name, value};
        return copy;
    }

    /** A client of a node serving HTTPS, trusting the certificates {@code ssl} trusts; redirects are not followed. */
    public static Http https(int port, javax.net.ssl.SSLContext ssl) {
        return new Http(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(ssl).build(),
                "https://127.0.0.1:" + port, null, null);
    }

    private Http(HttpClient client, String base, String token, String idempotencyKey) {
        this.client = client;
        this.base = base;
        this.token = token;
        this.idempotencyKey = idempotencyKey;
    }

    /** The same client, sending this bearer token. */
    public Http as(String bearerToken) {
        return new Http(client, base, bearerToken, idempotencyKey);
    }

    /** The bearer token this client sends, for a browser test to open the same session. */
    public String token() {
        return token;
    }

    /** The same client (token and key) talking to another node. */
    public Http at(int port) {
        return new Http(client, "http://127.0.0.1:" + port, token, idempotencyKey);
    }

    /** The same client, sending this Idempotency-Key with its next writes. */
    public Http key(String key) {
        return new Http(client, base, token, key);
    }

    /** Signs in with a code and returns a client that sends the session's token. */
    public Http signIn(String code) {
        Reply reply = post("/api/sessions", new JsonObject().put("code", code));
        if (reply.status() != 201) {
            throw new IllegalStateException("sign-in failed: " + reply.status() + " " + reply.body());
        }
        return as(reply.json().getString("token"));
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A download: status, headers and the body's bytes as sent. */
    public record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {
        public JsonObject json() {
            return new JsonObject(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    public Download download(String path) {
        return download(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A download answered to a POST with a JSON body (e.g. an audited export that states its reason). */
    public Download downloadPost(String path, Object json) {
        return download(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())));
    }

    private Download download(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply post(String path, Object json) {
        return sendBody("POST", path, json.toString(), "application/json");
    }

    public Reply put(String path, Object json) {
        return sendBody("PUT", path, json.toString(), "application/json");
    }

    public Reply sendBody(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** A body sent byte for byte: bytes that are not UTF-8 (ofString would replace them), an uploaded document. */
    public Reply sendBytes(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private Reply send(HttpRequest.Builder request) {
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
