package io.jiangxin.server.config;

/** A configuration value that cannot be used; the message names the flag and its environment variable. */
public final class SettingException extends RuntimeException {

    public SettingException(String message) {
        super(message);
    }
}
