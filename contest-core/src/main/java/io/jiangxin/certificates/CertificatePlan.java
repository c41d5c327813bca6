package io.jiangxin.certificates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the certificates already valid for an event with the awards its results give now: a line that prints
 * the same keeps its certificate (so issuing again returns the same codes); a changed line, or one that lost its
 * award, has its certificate revoked with the reason; a new or changed line gets a new certificate.
 */
public final class CertificatePlan {

    /** An awarded result line as it would print; {@code code} and {@code issuedOn} are not compared. */
    public record Wanted(long registrationId, Certificate content) {
    }

    /** A certificate stored and still valid. */
    public record Issued(long id, long registrationId, Certificate content) {
    }

    public record Revocation(Issued certificate, String reason) {
    }

    public record Plan(List<Issued> kept, List<Revocation> revoked, List<Wanted> toIssue) {
    }

    private CertificatePlan() {
    }

    public static Plan of(List<Issued> valid, List<Wanted> wanted, long resultVersion) {
        Map<Long, Issued> byEntry = new HashMap<>();
        valid.forEach(c -> byEntry.put(c.registrationId(), c));
        List<Issued> kept = new ArrayList<>();
        List<Revocation> revoked = new ArrayList<>();
        List<Wanted> toIssue = new ArrayList<>();
        for (Wanted line : wanted) {
            Issued old = byEntry.remove(line.registrationId());
            if (old != null && samePrint(old.content(), line.content())) {
                kept.add(old);
                continue;
            }
            if (old != null) {
                revoked.add(new Revocation(old, changed(old.content(), line.content(), resultVersion)));
            }
            toIssue.add(line);
        }
        for (Issued gone : byEntry.values()) {
            revoked.add(new Revocation(gone, "成绩更正后不再获奖（原为" + gone.content().awardZh() + "，成绩版本 "
                    + resultVersion + "）/ no award after the results were corrected (was "
                    + gone.content().awardEn() + ", results version " + resultVersion + ")"));
        }
        revoked.sort((a, b) -> Long.compare(a.certificate().id(), b.certificate().id()));
        return new Plan(kept, revoked, toIssue);
    }

    static boolean samePrint(Certificate a, Certificate b) {
        return a.contest().equals(b.contest()) && a.event().equals(b.event()) && a.awardCode().equals(b.awardCode())
                && a.awardZh().equals(b.awardZh()) && a.awardEn().equals(b.awardEn()) && a.pass() == b.pass()
                && Objects.equals(a.teamName(), b.teamName()) && a.names().equals(b.names())
                && a.enterprise().equals(b.enterprise());
    }

    private static String changed(Certificate old, Certificate now, long resultVersion) {
        if (!old.awardCode().equals(now.awardCode())) {
            return "成绩更正：" + old.awardZh() + " → " + now.awardZh() + "（成绩版本 " + resultVersion + "）/ results"
                    + " corrected: " + old.awardEn() + " → " + now.awardEn() + " (results version " + resultVersion + ")";
        }
        return "证书内容更正，已换发新证书（成绩版本 " + resultVersion + "）/ the certificate's details were corrected"
                + " and a new one issued (results version " + resultVersion + ")";
    }
}
