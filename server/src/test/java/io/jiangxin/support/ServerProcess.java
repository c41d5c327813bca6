package io.jiangxin.support;

import io.jiangxin.server.Main;
import io.jiangxin.storage.DatabaseUrl;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server started as its own process through {@code main}, as a user or an operator would start it. */
public final class ServerProcess implements AutoCloseable {

    public final int httpPort;
    public final int clusterPort;
    public final Path log;
    private final Process process;

    private ServerProcess(int httpPort, int clusterPort, Path log, Process process) {
        this.httpPort = httpPort;
        this.clusterPort = clusterPort;
        this.log = log;
        this.process = process;
    }

    /** Starts one member of a cluster whose members are {@code clusterPorts} on loopback. */
    public static ServerProcess start(DatabaseUrl database, int clusterPort, List<Integer> clusterPorts)
            throws IOException {
        return start(database, clusterPort, clusterPorts, new String[0]);
    }

    /** As {@link #start(DatabaseUrl, int, List)}, with more flags for the server. */
    public static ServerProcess start(DatabaseUrl database, int clusterPort, List<Integer> clusterPorts,
                                      String... flags) throws IOException {
        int httpPort = Nodes.freePort();
        String members = String.join(",", clusterPorts.stream().map(p -> "127.0.0.1:" + p).toList());
        Path log = Files.createTempFile("jiangxin-node-" + httpPort + "-", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The test JVM's own -XX flags (the build's JIT and GC choice), so a server process costs no more CPU than it.
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("-XX:")).toList());
        command.addAll(List.of(
                "-Dlogback.configurationFile=logback.xml", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", String.valueOf(httpPort), "--cluster-port", String.valueOf(clusterPort),
                "--cluster-members", members));
        command.addAll(List.of(flags));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", database.toString());
        builder.environment().put("ORGANIZER_CODE", Nodes.ORGANIZER_CODE);
        return new ServerProcess(httpPort, clusterPort, log, builder.start());
    }

    public Http http() {
        return new Http(httpPort);
    }

    /** Waits until /health answers with the given cluster size. */
    public JsonObject awaitMembers(int count) throws InterruptedException {
        return Poll.until(Duration.ofSeconds(90), Duration.ofMillis(200), "a cluster of " + count + " members", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("server process exited; its log is " + log);
            }
            try {
                return http().get("/health").json();
            } catch (IllegalStateException notYetListening) {
                return null; // still starting
            }
        }, health -> health != null && health.getJsonObject("cluster").getInteger("size") == count);
    }

    /** SIGTERM: the graceful stop. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGKILL: the process dies at once, mid-request. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the process stands still, as in a long GC pause or a stalled VM, holding its sockets open. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: the paused process goes on where it stood. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int status = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("kill -" + name + " exited " + status);
        }
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
