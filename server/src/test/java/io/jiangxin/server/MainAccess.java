package io.jiangxin.server;

import picocli.CommandLine;

/** Lets tests in other packages run the server's command line in-process. */
public final class MainAccess {

    private MainAccess() {
    }

    public static CommandLine commandLine() {
        return Main.commandLine();
    }
}
