package io.jiangxin.server;

import picocli.CommandLine.Mixin;

/** A one-off command on the server's database, found as the server finds it ({@link DatabaseOptions}). */
abstract class DatabaseCommand extends ConsoleCommand {

    @Mixin
    DatabaseOptions database;
}
