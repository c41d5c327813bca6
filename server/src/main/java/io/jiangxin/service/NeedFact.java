package io.jiangxin.service;

import java.time.LocalDate;

/** One need as the dashboard counts it; {@code team} is the service team of its current order, if any. */
public record NeedFact(long id, NeedState state, String chain, String team, LocalDate submittedOn) {
}
