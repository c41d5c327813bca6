package io.jiangxin.storage;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Score logs this node found not to verify: each is refused (503 {@code LOG_BROKEN}) rather than served, raised
 * once as an error in the log, and listed by {@code /health} until the node restarts or the log verifies again.
 */
public final class BrokenLog {

    private static final Logger LOG = LoggerFactory.getLogger(BrokenLog.class);
    private final Map<Long, String> broken = new ConcurrentHashMap<>();

    /** Records the alarm and answers the refusal to serve the event. */
    public Problem problem(long eventId, String firstBreak) {
        if (broken.put(eventId, firstBreak) == null) {
            LOG.error("ALARM: the score log of event {} fails verification ({}); its live state is not served",
                    eventId, firstBreak);
        }
        return new Problem(ErrorCode.LOG_BROKEN, "该赛项的评分日志校验失败，暂停提供其评分数据，请联系管理员核查 / the"
                + " event's score log fails verification; its scores are withheld until an administrator checks it",
                Map.of("eventId", eventId, "firstBreak", firstBreak));
    }

    /** The log verified: its alarm, if any, is cleared. */
    public void verified(long eventId) {
        if (broken.remove(eventId) != null) {
            LOG.warn("the score log of event {} verifies again", eventId);
        }
    }

    /** Event id → first break, for {@code /health}. */
    public Map<Long, String> alarms() {
        return Map.copyOf(broken);
    }
}
