package io.jiangxin.support;

import io.jiangxin.server.JiangxinNode;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One node on its own fresh database, the usual server under test. Registered on a static field with
 * {@code @RegisterExtension}, it starts before the test class's {@code @BeforeAll} methods and is stopped, and its
 * database dropped, after the class's {@code @AfterAll} methods, whatever failed.
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback {

    private final boolean demo;
    private TestDatabase database;
    private JiangxinNode node;

    private TestServer(boolean demo) {
        this.demo = demo;
    }

    public static TestServer perClass() {
        return new TestServer(false);
    }

    /** A node started with {@code --demo}: the demo season and 潍柴动力's ladder are loaded. */
    public static TestServer withDemoSeason() {
        return new TestServer(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        database = TestDatabase.create();
        node = JiangxinNode.start(Nodes.settings(database.url(), Nodes.freePort(), List.of(), demo));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
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
}
