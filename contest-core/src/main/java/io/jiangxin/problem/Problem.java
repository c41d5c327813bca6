package io.jiangxin.problem;

import io.jiangxin.registry.FieldError;
import java.util.List;

/**
 * A request that cannot be served as asked: carries an {@link ErrorCode} (which gives the HTTP status) and a zh-CN /
 * English message, the code's general sentence unless a more specific one is given.
 * Thrown by services and stores, turned into {@code {"error", "message", "details"}} by the HTTP layer.
 */
public final class Problem extends RuntimeException {

    private final ErrorCode code;
    private final transient Object details;

    /** The code's general sentence. */
    public Problem(ErrorCode code) {
        this(code, code.message(), null);
    }

    public Problem(ErrorCode code, String message) {
        this(code, message, null);
    }

    public Problem(ErrorCode code, String message, Object details) {
        super(message, null, false, false);
        this.code = code;
        this.details = details;
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(ErrorCode.INVALID_FIELDS, "字段无效 / invalid fields", errors);
    }

    public static Problem notFound(String what, Object id) {
        return new Problem(ErrorCode.NOT_FOUND, "未找到" + what.split(" / ")[0] + " " + id + " / "
                + what.substring(what.indexOf(" / ") + 3) + " " + id + " not found");
    }

    public static Problem unknownReference(String field, String message) {
        return new Problem(ErrorCode.UNKNOWN_REFERENCE, message, List.of(new FieldError(field, message)));
    }

    /** An event without a marking scheme cannot be judged, ranked or exported yet: always 409 {@code NO_SCHEME}. */
    public static Problem noScheme() {
        return new Problem(ErrorCode.NO_SCHEME, "该赛项尚未设置评分标准 / the event has no marking scheme yet");
    }

    public ErrorCode errorCode() {
        return code;
    }

    public int status() {
        return code.status();
    }

    public String code() {
        return code.name();
    }

    public Object details() {
        return details;
    }
}
