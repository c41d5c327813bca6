package io.jiangxin.load;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The viewer benchmark's baseline: a bare Vert.x server that accepts WebSockets on /ws and, on POST /broadcast,
 * writes the posted payload to every socket and then answers. No cluster, no database, no board logic. /health
 * answers the fields of the server's /health that bench-viewers reads.
 */
public final class BareBroadcastServer {

    private BareBroadcastServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        Set<ServerWebSocket> sockets = ConcurrentHashMap.newKeySet();
        vertx.createHttpServer(new HttpServerOptions().setSendBufferSize(32 * 1024)).requestHandler(request -> {
            if (request.path().equals("/ws")) {
                request.toWebSocket().onSuccess(ws -> {
                    sockets.add(ws);
                    ws.closeHandler(v -> sockets.remove(ws));
                });
            } else if (request.path().equals("/broadcast")) {
                request.body().onSuccess(body -> {
                    String text = body.toString();
                    for (ServerWebSocket ws : sockets) {
                        if (!ws.writeQueueFull()) {
                            ws.writeTextMessage(text);
                        }
                    }
                    request.response().end("{}");
                });
            } else if (request.path().equals("/health")) {
                request.response().end(stats(sockets.size()).toBuffer());
            } else {
                request.response().setStatusCode(404).end();
            }
        }).listen(port).onSuccess(server -> System.out.println(ChildServer.READY + server.actualPort()));
    }

    static JsonObject stats(int sockets) {
        Runtime runtime = Runtime.getRuntime();
        JsonObject process = new JsonObject().put("heapUsedBytes", runtime.totalMemory() - runtime.freeMemory())
                .put("heapLiveBytes", liveHeapBytes()).put("boardViewers", sockets);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            process.put("cpuSeconds", os.getProcessCpuTime() / 1e9);
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    process.put("residentBytes", Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (java.io.IOException e) {
            // not Linux
        }
        return new JsonObject().put("node", new JsonObject().put("process", process));
    }

    /** As the server's /health reports it: the heap in use after the last collection of each heap pool. */
    static long liveHeapBytes() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }

}
