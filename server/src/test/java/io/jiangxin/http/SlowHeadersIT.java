package io.jiangxin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Half-open connections: clients that open a socket and send nothing, or trickle a request head a line at a time
 * so that no idle timeout ever fires, are closed once the head deadline passes, while ordinary requests go on.
 */
class SlowHeadersIT {

    @RegisterExtension
    static final TestServer SERVER = TestServer.perClass();

    @Test
    void connectionsThatNeverFinishTheirHeadAreClosed() throws Exception {
        List<Socket> silent = new ArrayList<>();
        List<Socket> trickling = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                silent.add(open());
                Socket slow = open();
                slow.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                trickling.add(slow);
            }
            long started = System.nanoTime();
            long deadline = started + (HeaderDeadline.FIRST_REQUEST_MS + 15_000) * 1_000_000;
            List<Socket> open = new ArrayList<>(silent);
            open.addAll(trickling);
            int line = 0;
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                line++;
                for (Socket socket : trickling) {
                    if (open.contains(socket)) {
                        try {
                            socket.getOutputStream().write(("X-Slow-" + line + ": 1\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException closedByServer) {
                            open.remove(socket);
                        }
                    }
                }
                open.removeIf(SlowHeadersIT::closedByServer);
                // A real request on a fresh connection is still served while the slow ones are held.
                assertThat(SERVER.anonymous().get("/health").status()).isEqualTo(200);
            }
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("slow heads: 200 half-open connections closed %d ms after they opened%n", tookMs);
            assertThat(open).as("connections still open").isEmpty();
            assertThat(tookMs).isGreaterThanOrEqualTo(HeaderDeadline.FIRST_REQUEST_MS - 1_000);
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
            for (Socket socket : trickling) {
                socket.close();
            }
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", SERVER.port());
        socket.setSoTimeout(1);
        return socket;
    }

    /** Whether the server closed its side: a read ends the stream, or fails, instead of timing out. */
    private static boolean closedByServer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(2);
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
