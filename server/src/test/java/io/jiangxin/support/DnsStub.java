package io.jiangxin.support;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server on a UDP port of 127.0.0.1 that answers A queries from a fixed table (NXDOMAIN otherwise), so
 * cluster discovery by DNS is exercised against answers the test controls, as a Kubernetes headless service
 * would give them.
 */
public final class DnsStub implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<String, List<String>> records;
    private final Thread thread;
    public final AtomicInteger queries = new AtomicInteger();

    public DnsStub(Map<String, List<String>> records) throws SocketException {
        this.records = records;
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        this.thread = new Thread(this::serve, "dns-stub");
        thread.setDaemon(true);
        thread.start();
    }

    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                queries.incrementAndGet();
                byte[] answer = answer(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (java.io.IOException e) {
                return;
            }
        }
    }

    private byte[] answer(byte[] query) throws java.io.IOException {
        // The question: labels from byte 12, then type and class.
        int at = 12;
        StringBuilder name = new StringBuilder();
        while (query[at] != 0) {
            int length = query[at];
            name.append(name.length() == 0 ? "" : ".").append(new String(query, at + 1, length,
                    java.nio.charset.StandardCharsets.US_ASCII));
            at += length + 1;
        }
        int questionEnd = at + 5;
        int type = ((query[at + 1] & 0xff) << 8) | (query[at + 2] & 0xff);
        List<String> addresses = records.get(name.toString().toLowerCase(Locale.ROOT));
        List<String> answers = addresses == null || type != 1 ? List.of() : addresses;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(query, 0, 2);                                   // id
        out.write(0x81);                                          // response, recursion desired
        out.write(addresses == null ? 0x83 : 0x80);               // recursion available; NXDOMAIN when unknown
        out.write(new byte[] {0, 1, 0, (byte) answers.size(), 0, 0, 0, 0});
        out.write(query, 12, questionEnd - 12);
        for (String address : answers) {
            out.write(new byte[] {(byte) 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 5, 0, 4});   // name pointer, A, IN, TTL 5
            out.write(InetAddress.getByName(address).getAddress());
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        socket.close();
    }
}
