package io.jiangxin.engine.scheme;

/**
 * One mistake in a scheme, at a JSON-path-like location such as {@code parts[1].modules[0].aspects[2].step}.
 */
public record SchemeError(String path, String messageZh, String messageEn) {

    /** "zh / en". */
    public String message() {
        return messageZh + " / " + messageEn;
    }

    @Override
    public String toString() {
        return path + ": " + message();
    }
}
