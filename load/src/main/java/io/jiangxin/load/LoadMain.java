package io.jiangxin.load;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar jiangxin-load.jar}: the load generators, run from outside the servers they measure. */
@Command(name = "jiangxin-load", mixinStandardHelpOptions = true,
        subcommands = {JudgingBenchCommand.class, ViewersBenchCommand.class},
        description = {"匠心 Jiangxin 压测 / load generators for running Jiangxin servers (docs/benchmarks.md)."})
public final class LoadMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int status = new CommandLine(new LoadMain()).execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "请指定子命令 / name a subcommand");
    }
}
