package io.jiangxin.engine.sheet;

import java.util.List;

/** A sheet input that cannot be evaluated (unknown aspect, off-step mark, conflicting marks ...). */
public class InvalidSheetException extends IllegalArgumentException {

    private final transient List<String> problems;

    public InvalidSheetException(String entryId, List<String> problems) {
        super("entry " + entryId + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem in Chinese with English alongside. */
    public List<String> problems() {
        return problems;
    }
}
