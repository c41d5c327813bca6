package io.jiangxin.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Nodes;
import io.jiangxin.support.ServerProcess;
import io.jiangxin.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees on the console when a node starts with the production logging: Hazelcast's own lines (the
 * member list) come through, and its "CP Subsystem is not enabled ... UNSAFE mode" warning does not. Hazelcast 5.3.8
 * logs that warning from the constructor of every member whose CP subsystem is off (CPSubsystemImpl), so the only
 * thing that keeps it off the console is {@link io.jiangxin.app.CpSubsystemNotice} in logback.xml.
 */
class StartLogIT {

    @Test
    void aStartingNodePrintsNoCpUnsafeModeWarning() throws Exception {
        int clusterPort = Nodes.freePort();
        try (TestDatabase database = TestDatabase.create();
             ServerProcess server = ServerProcess.start(database.url(), clusterPort, List.of(clusterPort))) {
            server.awaitMembers(1);
            String log = server.logText();
            assertThat(log).as("Hazelcast's start-up lines reach the console").contains("Members {size:1");
            assertThat(log).doesNotContain("UNSAFE").doesNotContain("CP Subsystem is not enabled");
        }
    }
}
