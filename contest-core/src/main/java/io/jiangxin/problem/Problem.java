package io.jiangxin.problem;

import io.jiangxin.registry.FieldError;
import java.util.List;

/**
 * A request that cannot be served as asked: carries the HTTP status, a stable code and a zh-CN / English message.
 * Thrown by services and stores, turned into {@code {"error", "message", "details"}} by the HTTP layer.
 */
public final class Problem extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object details;

    public Problem(int status, String code, String message, Object details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(400, "INVALID_FIELDS", "字段无效 / invalid fields", errors);
    }

    public static Problem badRequest(String code, String message) {
        return new Problem(400, code, message, null);
    }

    public static Problem notFound(String what, Object id) {
        return new Problem(404, "NOT_FOUND", "未找到" + what.split(" / ")[0] + " " + id + " / "
                + what.substring(what.indexOf(" / ") + 3) + " " + id + " not found", null);
    }

    public static Problem unknownReference(String field, String message) {
        return new Problem(404, "UNKNOWN_REFERENCE", message, List.of(new FieldError(field, message)));
    }

    /** An event without a marking scheme cannot be judged, ranked or exported yet: always 409 {@code NO_SCHEME}. */
    public static Problem noScheme() {
        return conflict("NO_SCHEME", "该赛项尚未设置评分标准 / the event has no marking scheme yet");
    }

    public static Problem conflict(String code, String message) {
        return new Problem(409, code, message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object details() {
        return details;
    }
}
