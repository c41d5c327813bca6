package io.jiangxin.registry;

/** One invalid field of an input, with a reason in zh-CN and English. */
public record FieldError(String field, String reason) {
}
