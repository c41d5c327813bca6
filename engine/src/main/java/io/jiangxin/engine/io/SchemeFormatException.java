package io.jiangxin.engine.io;

import io.jiangxin.engine.scheme.SchemeError;

import java.util.List;

/** Scheme text that is malformed or does not have the expected structure; every error has its path. */
public class SchemeFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<SchemeError> errors;

    public SchemeFormatException(List<SchemeError> errors) {
        super(String.join("; ", errors.stream().map(SchemeError::toString).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<SchemeError> errors() {
        return errors;
    }
}
