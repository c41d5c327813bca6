package io.jiangxin.ladder.io;

/** One mistake in a configuration file, at a path such as {@code promotionRules[0].requirements[2].maxAge}. */
public record ConfigError(String path, String messageZh, String messageEn) {

    public String message() {
        return messageZh + " / " + messageEn;
    }

    @Override
    public String toString() {
        return path + ": " + message();
    }
}
