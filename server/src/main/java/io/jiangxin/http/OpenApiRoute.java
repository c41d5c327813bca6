package io.jiangxin.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI document that describes every endpoint. */
final class OpenApiRoute {

    static final String RESOURCE = "openapi.yaml";

    private OpenApiRoute() {
    }

    static void mount(Router router) {
        Buffer document = document();
        router.get("/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8")
                .end(document));
    }

    /** The document as served; the contract gate reads the same bytes. */
    static Buffer document() {
        try (InputStream in = OpenApiRoute.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
