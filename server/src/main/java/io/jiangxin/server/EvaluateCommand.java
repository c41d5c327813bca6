package io.jiangxin.server;

import io.jiangxin.engine.io.Evaluation;
import io.jiangxin.engine.io.InputFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Recomputes published results from a marking scheme and the raw marks, so anyone can check them. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"按评分标准和原始分重新计算成绩 / recompute results from a scheme and raw marks.",
                "Prints each entry's aspect results, totals, rank, award and flags as JSON; see docs/scoring.md."})
final class EvaluateCommand extends ConsoleCommand {

    @Option(names = "--scheme", required = true, paramLabel = "FILE", description = "marking scheme (.json, .yaml)")
    Path scheme;

    @Option(names = "--marks", required = true, paramLabel = "FILE", description = "raw marks (.json, .yaml)")
    Path marks;

    @Override
    public Integer call() {
        try {
            console().println(Evaluation.evaluate(scheme, marks));
            console().flush();
            return 0;
        } catch (InputFileException e) {
            errors().println("错误 / error: " + e.getMessage());
            return Main.BAD_SETTING;
        }
    }
}
