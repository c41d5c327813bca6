package io.jiangxin.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A baseline server in its own JVM, started from this process's class path. Like the server it is compared with, it
 * then shares no event loop, heap, GC or JIT with the load generator; only the machine's cores.
 */
final class ChildServer implements AutoCloseable {

    /** What a baseline server prints once it accepts connections; the rest of the line is its own. */
    static final String READY = "listening on ";

    private final Process process;
    final URI uri;
    final String readyLine;

    private ChildServer(Process process, URI uri, String readyLine) {
        this.process = process;
        this.uri = uri;
        this.readyLine = readyLine;
    }

    /** Starts {@code main} with a free port as its first argument, and returns once it has printed {@link #READY}. */
    static ChildServer start(Class<?> main, String... args) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName(), String.valueOf(port)));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(READY)) {
                drain(output);
                return new ChildServer(process, URI.create("http://127.0.0.1:" + port), line);
            }
            seen.add(line);
        }
        throw new IOException(main.getSimpleName() + " ended before listening: " + String.join("\n", seen));
    }

    /** Keeps reading what the child prints, so a full pipe never blocks it. */
    private static void drain(BufferedReader output) {
        Thread drain = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // discarded: the child's own log is not part of the measurement
                }
            } catch (IOException ended) {
                // the child is gone
            }
        }, "child-server-output");
        drain.setDaemon(true);
        drain.start();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
