package io.jiangxin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A bad setting stops the server with status 2 and a message naming the setting, before anything starts. */
class MainTest {

    private record Run(int status, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        return new Run(commandLine.execute(args), err.toString());
    }

    @Test
    void badPortExitsWith2NamingTheSetting() {
        Run run = run("--port", "eighty");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--port").contains("PORT").contains("eighty");
    }

    @Test
    void badDatabaseUrlExitsWith2NamingTheSetting() {
        Run run = run("--database-url", "mysql://root@localhost/x");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--database-url").contains("DATABASE_URL");
    }

    @Test
    void badClusterMembersAndPortExitWith2() {
        assertThat(run("--cluster-members", "127.0.0.1").err()).contains("--cluster-members");
        assertThat(run("--cluster-members", "127.0.0.1").status()).isEqualTo(2);
        assertThat(run("--cluster-port", "70000").status()).isEqualTo(2);
    }

    @Test
    void unknownFlagIsAUsageError() {
        assertThat(run("--colour", "red").status()).isEqualTo(2);
    }
}
