package io.jiangxin.engine.io;

import java.nio.file.Path;
import java.util.List;

/**
 * A scheme or marks file that cannot be used: unreadable, malformed, or with content errors. The message
 * names the file and, for each problem, its location (e.g. {@code marks[3].marks.J2}) with a message in
 * Chinese and English.
 */
public class InputFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final List<String> problems;

    public InputFileException(Path file, List<String> problems) {
        super(format(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public InputFileException(Path file, String problem, Throwable cause) {
        super(format(file, List.of(problem)), cause);
        this.file = file;
        this.problems = List.of(problem);
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** Each problem as "location: 中文 / English". */
    public List<String> problems() {
        return problems;
    }

    private static String format(Path file, List<String> problems) {
        if (problems.size() == 1) {
            return file + ": " + problems.get(0);
        }
        StringBuilder message = new StringBuilder(file + ": " + problems.size() + " 个问题 / problems");
        for (String problem : problems) {
            message.append(System.lineSeparator()).append("  ").append(problem);
        }
        return message.toString();
    }
}
