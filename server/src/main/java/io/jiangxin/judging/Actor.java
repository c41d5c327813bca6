package io.jiangxin.judging;

/** Who appends to the log, in which role, from which device and address. */
public record Actor(long accountId, String role, String device, String address) {
}
