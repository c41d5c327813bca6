package io.jiangxin.engine.sheet;

/** One reason a sheet cannot be locked yet, with the aspect concerned (or {@code null} for the sheet). */
public record LockBlocker(String aspectId, String code, String messageZh, String messageEn) {

    public String message() {
        return messageZh + " / " + messageEn;
    }
}
