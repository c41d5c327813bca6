package io.jiangxin.engine.scheme;

/** Why a single mark or value was refused, in Chinese with English alongside. */
public record MarkRejection(String code, String messageZh, String messageEn) {

    public String message() {
        return messageZh + " / " + messageEn;
    }
}
