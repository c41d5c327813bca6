package io.jiangxin.ladder.io;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that cannot be used, with every error found (not just the first). */
public final class ConfigFormatException extends RuntimeException {

    private final List<ConfigError> errors;

    public ConfigFormatException(List<ConfigError> errors) {
        super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
