package io.jiangxin.registry;

/** An enterprise or other employer (单位). {@code creditCode} is the 统一社会信用代码 when known. */
public record Organization(long id, String name, String creditCode, String region) {

    public record Draft(String name, String creditCode, String region) {
    }
}
