package io.jiangxin.http;

import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIContract;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The contract as vertx-openapi's request validator sees it, with one change: a schema's validator is made once and
 * kept. vertx-openapi asks the schema repository for a new validator for every parameter and body of every request,
 * and each one copies the repository's whole table of the document's schemas; a profile of the judging benchmark
 * showed that copying as most of the server's CPU. A validator holds no state between validations, and the
 * contract's schemas are fixed once it is loaded, so one per schema (by identity) serves every request.
 */
final class ValidatorCache {

    private ValidatorCache() {
    }

    static OpenAPIContract caching(OpenAPIContract contract) {
        SchemaRepository repository = proxy(SchemaRepository.class, contract.getSchemaRepository(),
                new Intercept() {
                    private final Map<JsonSchema, Object> validators =
                            Collections.synchronizedMap(new IdentityHashMap<>());

                    @Override
                    public Object call(Object target, Method method, Object[] args) throws Throwable {
                        if (method.getName().equals("validator") && args != null && args.length == 1
                                && args[0] instanceof JsonSchema schema) {
                            Object cached = validators.get(schema);
                            if (cached == null) {
                                cached = invoke(target, method, args);
                                validators.put(schema, cached);
                            }
                            return cached;
                        }
                        return invoke(target, method, args);
                    }
                });
        return proxy(OpenAPIContract.class, contract, (target, method, args) ->
                method.getName().equals("getSchemaRepository") && (args == null || args.length == 0)
                        ? repository : invoke(target, method, args));
    }

    private interface Intercept {
        Object call(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Intercept intercept) {
        InvocationHandler handler = (self, method, args) -> intercept.call(target, method, args);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
