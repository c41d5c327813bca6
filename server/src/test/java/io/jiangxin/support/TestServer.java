package io.jiangxin.support;

import io.jiangxin.server.JiangxinNode;
import java.util.List;

/**
 * One node on its own fresh database, the usual server under test; closing it stops the node and drops the database.
 */
public final class TestServer implements AutoCloseable {

    private final TestDatabase database;
    private final JiangxinNode node;

    private TestServer(TestDatabase database, JiangxinNode node) {
        this.database = database;
        this.node = node;
    }

    public static TestServer start() throws Exception {
        return start(false);
    }

    /** A node started with {@code --demo}: the demo season and 潍柴动力's ladder are loaded. */
    public static TestServer withDemoSeason() throws Exception {
        return start(true);
    }

    private static TestServer start(boolean demo) throws Exception {
        TestDatabase database = TestDatabase.create();
        try {
            return new TestServer(database, JiangxinNode.start(Nodes.settings(database.url(), Nodes.freePort(),
                    List.of(), demo)));
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
    }

    public TestDatabase database() {
        return database;
    }

    public JiangxinNode node() {
        return node;
    }

    public int port() {
        return node.httpPort();
    }

    /** The address of a page or file on this node, for the browser. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** A client that is not signed in. */
    public Http anonymous() {
        return new Http(port());
    }

    /** A client signed in as the organizer, with a session of its own. */
    public Http organizer() {
        return anonymous().signIn(Nodes.ORGANIZER_CODE);
    }

    @Override
    public void close() {
        try {
            node.close();
        } finally {
            database.close();
        }
    }
}
