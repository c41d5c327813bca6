package io.jiangxin.server;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A one-off command of the server's jar: it writes to the streams picocli gives it, so a test can read them. */
abstract class ConsoleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    PrintWriter console() {
        return spec.commandLine().getOut();
    }

    PrintWriter errors() {
        return spec.commandLine().getErr();
    }
}
