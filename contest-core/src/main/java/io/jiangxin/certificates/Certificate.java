package io.jiangxin.certificates;

import java.time.LocalDate;
import java.util.List;

/**
 * What one award certificate prints, as issued: the contest and event, the award's zh-CN and English names, the
 * person (or the team and all its members, in team order), their enterprises, the issue date and the code, and
 * the event's score-log head when it was issued ({@code logSeq} and {@code logHash}; null on older certificates).
 * {@code pass} says the award is a pass band of the marking scheme (考核合格) rather than a place or a share of the
 * field, so the template can word it as a pass instead of "荣获".
 */
public record Certificate(String code, String contest, String event, String awardCode, String awardZh,
                          String awardEn, boolean pass, String teamName, List<String> names, String enterprise, Integer rank,
                          LocalDate issuedOn, Long logSeq, String logHash) {

    public Certificate {
        names = List.copyOf(names);
    }

    /** The log head as printed, or empty when the certificate predates it. */
    public String logLine() {
        return logSeq == null ? "" : "评分日志校验码 score log: 第 " + logSeq + " 条记录 · SHA-256 " + logHash;
    }

    /** The names as one line: 张三、李四、王五. */
    public String namesLine() {
        return String.join("、", names);
    }
}
