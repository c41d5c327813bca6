package io.jiangxin.judging;

/**
 * Who appends to the log, in which role, from which device and address, and in which HTTP request (its
 * {@code X-Request-Id}, stored beside the record but outside its hash; null when not known).
 */
public record Actor(long accountId, String role, String device, String address, String requestId) {

    public Actor(long accountId, String role, String device, String address) {
        this(accountId, role, device, address, null);
    }
}
