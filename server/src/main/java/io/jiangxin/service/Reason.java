package io.jiangxin.service;

/** One line of a suggestion's explanation: what was found and how many points it gave (or took). */
public record Reason(String code, int points, String zh, String en) {
}
