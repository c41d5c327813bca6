package io.jiangxin.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The one door from a Hazelcast call back into Vert.x. Hazelcast completes its futures on its own threads and runs
 * even non-async callbacks on its default executor (the common pool, or a new thread per callback when that pool
 * has one thread, as on 2 cores). Completing through the caller's context instead keeps the work that follows a
 * cluster call (the HTTP reply included) on the event loop that serves the request, so nothing after it needs a
 * lock, and no foreign thread pool is involved.
 */
public final class OnContext {

    private OnContext() {
    }

    /** {@code stage} as a future completed on the calling Vert.x context (or as it comes, off any context). */
    public static <T> Future<T> of(CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        if (context == null) {
            // Start-up and tests that call a service from their own thread: there is no loop to come back to.
            return Future.fromCompletionStage(stage);
        }
        Promise<T> promise = Promise.promise();
        stage.whenCompleteAsync((value, failure) -> {
            if (failure == null) {
                promise.complete(value);
            } else {
                promise.fail(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        }, task -> context.runOnContext(ignored -> task.run()));
        return promise.future();
    }
}
