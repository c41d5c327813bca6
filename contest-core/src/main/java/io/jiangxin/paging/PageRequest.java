package io.jiangxin.paging;

/** Offset pagination; limits are clamped by the HTTP layer before they get here. */
public record PageRequest(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
}
