package io.jiangxin.service;

import java.util.List;

/** A ranked candidate: the score is the sum of the reasons' points, nothing else. */
public record Suggestion(int rank, Candidate candidate, int score, List<Reason> reasons) {
}
