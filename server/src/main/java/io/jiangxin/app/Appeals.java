package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.app.ladder.ResultPoints;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.judging.Actor;
import io.jiangxin.judging.LogDraft;
import io.jiangxin.judging.RecordKind;
import io.jiangxin.registry.FieldError;
import io.jiangxin.storage.AppealStore;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.PublicationStore;
import io.jiangxin.results.PublicationState;
import java.time.Clock;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Appeals (申诉): filed in writing within the event's window after sign-off, or until the end of the results'
 * public notice (公示) when that is later, and decided by the contest's arbitration group (监督仲裁组), whose
 * ruling is final and may reopen named aspects of one sheet for a re-mark. An upheld appeal withdraws the
 * results' publication: they are under review (复核中) until the organizer publishes again.
 */
public final class Appeals {

    private static final java.time.format.DateTimeFormatter BEIJING_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    public enum Outcome { UPHELD, REJECTED }

    private final LogWriter writer;
    private final JudgingStore judging;
    private final AppealStore appeals;
    private final Schemes schemes;
    private final ResultPoints resultPoints;
    private final PublicationStore publications;
    private final Clock clock;

    public Appeals(LogWriter writer, JudgingStore judging, AppealStore appeals, Schemes schemes,
                   ResultPoints resultPoints, PublicationStore publications, Clock clock) {
        this.resultPoints = resultPoints;
        this.publications = publications;
        this.clock = clock;
        this.writer = writer;
        this.judging = judging;
        this.appeals = appeals;
        this.schemes = schemes;
    }

    /** The organizer records a competitor's written appeal. */
    public Future<LogWriter.Outcome> file(Principal who, long eventId, String entryCode, String statement, Actor actor,
                                          String key, String requestHash) {
        if (!who.is(AccountKind.ORGANIZER)) {
            return Future.failedFuture(Refusals.wrongRole("ORGANIZER / 组委会"));
        }
        return writer.write(eventId, actor, key, requestHash, (conn, facts, head) -> {
            if (facts.signedOffAt() == null) {
                throw new Problem(ErrorCode.NOT_SIGNED_OFF, "赛项尚未签字确认，无成绩可申诉 / the event is not signed off;"
                        + " there is no result to appeal yet");
            }
            Instant now = clock.instant();
            return publications.status(conn, eventId, now).compose(status -> {
                Instant closesAt = status.appealsCloseAt(facts.signedOffAt(), facts.appealWindowMinutes());
                String closes = BEIJING_TIME.format(closesAt) + "（北京时间 / Beijing time）";
                if (now.isAfter(closesAt)) {
                    if (status.state() == PublicationState.FINAL) {
                        throw new Problem(ErrorCode.RESULTS_FINAL, "公示期已于 " + closes + " 结束，成绩已为最终成绩，不再受理申诉"
                                + " / the public notice ended at " + closes + "; the results are final and appeals are"
                                + " no longer accepted");
                    }
                    throw new Problem(ErrorCode.APPEAL_WINDOW_CLOSED, "申诉期已于 " + closes + " 结束 / the appeal window"
                            + " closed at " + closes);
                }
                return judging.entry(conn, eventId, entryCode);
            }).compose(entry -> appeals.file(conn, eventId, entry.registrationId(), statement, who.accountId())
                            .map(id -> new LogWriter.Decision(201, List.of(new LogDraft(RecordKind.APPEAL_FILED,
                                    entry.registrationId(), null, null, null, null, String.valueOf(id), statement, null)),
                                    entries -> new JsonObject().put("id", id).put("eventId", eventId)
                                            .put("entryCode", entryCode).put("status", "FILED")
                                            .put("version", entries.get(0).seq()))));
        });
    }

    /** An arbiter of the event's contest rules; an upheld appeal may reopen aspects, which unlocks the sheet. */
    public Future<LogWriter.Outcome> decide(Principal who, long appealId, Outcome outcome, List<String> reopen,
                                            String reason, Actor actor, String key, String requestHash) {
        if (!who.is(AccountKind.ARBITER)) {
            return Future.failedFuture(Refusals.wrongRole("ARBITER / 监督仲裁组"));
        }
        if (outcome == Outcome.REJECTED && !reopen.isEmpty()) {
            return Future.failedFuture(Problem.invalid(List.of(new FieldError("reopen",
                    "驳回的申诉不能重开评分项 / a rejected appeal reopens nothing"))));
        }
        return appeals.get(judging.pool(), appealId, false).compose(found -> writer.write(found.eventId(), actor, key,
                requestHash, (conn, facts, head) -> {
                    if (!who.contestId().equals(facts.contestId())) {
                        throw new Problem(ErrorCode.NOT_THIS_CONTEST, "您不是该竞赛的仲裁人员 / you arbitrate another contest");
                    }
                    MarkingScheme scheme = schemes.of(facts.schemeJson());
                    List<FieldError> unknown = reopen.stream().filter(a -> scheme.aspect(a).isEmpty())
                            .map(a -> new FieldError("reopen", "评分标准中没有评分项 " + a + " / the scheme has no aspect " + a))
                            .toList();
                    if (!unknown.isEmpty()) {
                        throw Problem.invalid(unknown);
                    }
                    return appeals.get(conn, appealId, true).compose(appeal -> {
                        if (!"FILED".equals(appeal.status())) {
                            throw new Problem(ErrorCode.ALREADY_DECIDED, "该申诉已裁决，裁决为终局 / the appeal is decided;"
                                    + " the ruling is final");
                        }
                        List<LogDraft> drafts = new ArrayList<>();
                        drafts.add(new LogDraft(RecordKind.APPEAL_DECIDED, appeal.registrationId(), null, null, null,
                                null, outcome.name(), reason, "appeal=" + appealId));
                        Future<Void> sideEffects = appeals.decide(conn, appealId, outcome.name(), who.accountId(), reason);
                        if (outcome == Outcome.UPHELD) {
                            // What was published may change: the public reads 复核中 until it is published again.
                            sideEffects = sideEffects.compose(v -> publications.withdraw(conn, appeal.eventId(),
                                    appealId, reason, clock.instant())).mapEmpty();
                        }
                        if (!reopen.isEmpty()) {
                            drafts.add(LogDraft.of(RecordKind.REOPEN, null, reason));
                            drafts.add(LogDraft.of(RecordKind.UNLOCK, appeal.registrationId(), reason));
                            for (String aspect : reopen) {
                                drafts.add(new LogDraft(RecordKind.REMARK_REQUESTED, appeal.registrationId(), aspect,
                                        null, null, null, null, "申诉裁决重评 / re-mark ordered by appeal " + appealId,
                                        null));
                            }
                            sideEffects = sideEffects
                                    .compose(v -> judging.setLocked(conn, appeal.eventId(), appeal.registrationId(), false))
                                    .compose(v -> judging.setSignedOff(conn, appeal.eventId(), null));
                        }
                        return sideEffects.map(v -> new LogWriter.Decision(201, drafts, entries -> new JsonObject()
                                .put("id", appealId).put("eventId", appeal.eventId()).put("entryCode", appeal.entryCode())
                                .put("status", outcome.name()).put("reopened", reopen)
                                .put("version", entries.get(entries.size() - 1).seq())));
                    });
                })).onSuccess(done -> resultPoints.appealDecided(done.body())); // ladder points, after the commit
    }
}
