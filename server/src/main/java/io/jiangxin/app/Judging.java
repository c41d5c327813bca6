package io.jiangxin.app;

import io.jiangxin.judging.ChainHead;
import io.jiangxin.judging.EventFacts;
import io.jiangxin.judging.EventEntry;
import io.jiangxin.judging.PanelMember;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.app.ladder.ResultPoints;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.AspectType;
import io.jiangxin.engine.scheme.MarkRejection;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.sheet.SheetEvaluator;
import io.jiangxin.engine.sheet.SheetResult;
import io.jiangxin.judging.Actor;
import io.jiangxin.judging.LogDraft;
import io.jiangxin.judging.LogEntry;
import io.jiangxin.judging.RecordKind;
import io.jiangxin.judging.Records;
import io.jiangxin.judging.SheetLog;
import io.jiangxin.registry.FieldError;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ScoreLogStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The judging commands: judges' marks and the head judge's decisions. Each states its rules; {@link LogWriter}
 * runs them under the event's chain lock and appends what they decide.
 */
public final class Judging {

    /** One mark as a judge sends it. */
    public record MarkInput(String aspectId, BigDecimal value) {
    }

    private final LogWriter writer;
    private final JudgingStore judging;
    private final ScoreLogStore log;
    private final Schemes schemes;
    private final MarkBatch marks;
    private final ResultPoints resultPoints;
    private final java.time.Clock clock;

    public Judging(LogWriter writer, JudgingStore judging, ScoreLogStore log, Schemes schemes,
                   MarkBatch marks, ResultPoints resultPoints, java.time.Clock clock) {
        this.clock = clock;
        this.resultPoints = resultPoints;
        this.writer = writer;
        this.judging = judging;
        this.log = log;
        this.schemes = schemes;
        this.marks = marks;
    }

    /**
     * A judge marks some or all aspects of one entry's sheet; a changed mark is a correction. Submissions are
     * decided together with the others of their group ({@link MarkBatch}).
     */
    public Future<LogWriter.Outcome> submitMarks(Principal judge, long eventId, String entryCode,
                                                 List<MarkInput> marks, Actor actor, String key, String requestHash) {
        if (!judge.is(AccountKind.JUDGE)) {
            return Future.failedFuture(Refusals.wrongRole("JUDGE"));
        }
        return writer.write(eventId, actor, key, requestHash, this.marks, new MarkBatch.Submission(judge, entryCode,
                marks));
    }

    public Future<LogWriter.Outcome> requestRemark(Principal who, long eventId, String entryCode, String aspectId,
                                                   String reason, Actor actor, String key, String requestHash) {
        return headJudgeWrite(who, eventId, entryCode, actor, key, requestHash, (conn, facts, entry, scheme) -> {
            aspect(scheme, aspectId);
            return Future.succeededFuture(List.of(new LogDraft(RecordKind.REMARK_REQUESTED, entry.registrationId(),
                    aspectId, null, null, null, null, reason, null)));
        });
    }

    public Future<LogWriter.Outcome> override(Principal who, long eventId, String entryCode, String aspectId,
                                              BigDecimal value, String reason, Actor actor, String key,
                                              String requestHash) {
        return headJudgeWrite(who, eventId, entryCode, actor, key, requestHash, (conn, facts, entry, scheme) -> {
            Optional<MarkRejection> rejection = aspect(scheme, aspectId).checkValue(value);
            if (rejection.isPresent()) {
                throw Problem.invalid(List.of(new FieldError("value", rejection.get().message())));
            }
            return Future.succeededFuture(List.of(new LogDraft(RecordKind.OVERRIDE, entry.registrationId(), aspectId,
                    null, null, value, null, reason, null)));
        });
    }

    public Future<LogWriter.Outcome> recordViolation(Principal who, long eventId, String entryCode, String code,
                                                     int count, String reason, Actor actor, String key,
                                                     String requestHash) {
        return headJudgeWrite(who, eventId, entryCode, actor, key, requestHash, (conn, facts, entry, scheme) -> {
            if (scheme.violation(code).isEmpty()) {
                throw Problem.invalid(List.of(new FieldError("code", "评分标准中没有该违规项 / the scheme has no violation "
                        + code)));
            }
            return Future.succeededFuture(List.of(new LogDraft(RecordKind.VIOLATION, entry.registrationId(), null,
                    null, null, BigDecimal.valueOf(count), code, reason, null)));
        });
    }

    public Future<LogWriter.Outcome> recordTime(Principal who, long eventId, String entryCode, Duration completion,
                                                Duration extra, String reason, Actor actor, String key,
                                                String requestHash) {
        return headJudgeWrite(who, eventId, entryCode, actor, key, requestHash, (conn, facts, entry, scheme) ->
                Future.succeededFuture(List.of(new LogDraft(RecordKind.TIME, entry.registrationId(), null, null, null,
                        null, null, reason, LogDraft.timePayload(completion, extra)))));
    }

    /** Locks a sheet that is complete and has no open disagreement. */
    public Future<LogWriter.Outcome> lock(Principal who, long eventId, String entryCode, Actor actor, String key,
                                          String requestHash) {
        return headJudgeWrite(who, eventId, entryCode, actor, key, requestHash, (conn, facts, entry, scheme) ->
                log.readSheet(conn, eventId, entry.registrationId()).map(records -> {
                    SheetLog sheet = SheetLog.fold(String.valueOf(entry.registrationId()),
                            records.stream().map(Records::of).toList());
                    SheetResult result = new SheetEvaluator(scheme).evaluate(sheet.toInput(
                            entry.teamId() == null ? null : String.valueOf(entry.teamId())));
                    if (!result.lockable()) {
                        JsonArray blockers = new JsonArray();
                        result.lockBlockers().forEach(b -> blockers.add(new JsonObject().put("aspectId", b.aspectId())
                                .put("code", b.code()).put("reason", b.message())));
                        throw new Problem(ErrorCode.NOT_LOCKABLE, "评分表不完整或有未解决的分歧，不能锁定 / the sheet is"
                                + " incomplete or has an open disagreement and cannot lock", blockers.getList());
                    }
                    return List.of(LogDraft.of(RecordKind.LOCK, entry.registrationId(), null));
                }).compose(drafts -> judging.setLocked(conn, eventId, entry.registrationId(), true).map(drafts)));
    }

    public Future<LogWriter.Outcome> unlock(Principal who, long eventId, String entryCode, String reason, Actor actor,
                                            String key, String requestHash) {
        return writer.write(eventId, actor, key, requestHash, (conn, facts, head) -> {
            schemes.of(facts.schemeJson());
            if (facts.signedOffAt() != null) {
                throw Refusals.signedOff();
            }
            return headJudge(conn, eventId, who)
                    .compose(v -> judging.entry(conn, eventId, entryCode))
                    .compose(entry -> judging.locked(conn, eventId, entry.registrationId()).compose(locked -> {
                        if (!locked) {
                            throw new Problem(ErrorCode.NOT_LOCKED, "评分表未锁定 / the sheet is not locked");
                        }
                        return judging.setLocked(conn, eventId, entry.registrationId(), false);
                    }).map(v -> new LogWriter.Decision(201,
                            List.of(LogDraft.of(RecordKind.UNLOCK, entry.registrationId(), reason)),
                            entries -> sheetAnswer(eventId, entryCode, entries, head))));
        });
    }

    /** Signs off the event once every registered entry's sheet is locked. */
    public Future<LogWriter.Outcome> signOff(Principal who, long eventId, Actor actor, String key, String requestHash) {
        return writer.write(eventId, actor, key, requestHash, (conn, facts, head) -> {
            schemes.of(facts.schemeJson());
            if (facts.signedOffAt() != null) {
                throw new Problem(ErrorCode.ALREADY_SIGNED_OFF, "赛项已签字确认 / the event is already signed off");
            }
            return headJudge(conn, eventId, who)
                    .compose(v -> judging.unlockedCount(conn, eventId))
                    .compose(unlocked -> {
                        if (unlocked > 0) {
                            throw new Problem(ErrorCode.SHEETS_NOT_LOCKED, "还有 " + unlocked + " 份评分表未锁定 / "
                                    + unlocked + " sheets are not locked yet");
                        }
                        return judging.setSignedOff(conn, eventId, clock.instant());
                    })
                    .map(v -> new LogWriter.Decision(201, List.of(LogDraft.of(RecordKind.SIGN_OFF, null, null)),
                            entries -> new JsonObject().put("eventId", eventId).put("signedOff", true)
                                    .put("version", entries.get(entries.size() - 1).seq())));
        }).onSuccess(outcome -> resultPoints.eventSignedOff(eventId)); // ladder points, after the commit; never fails this
    }

    /** The head judge's writes on one open sheet share their checks. */
    private interface SheetDecision {
        Future<List<LogDraft>> decide(SqlConnection conn, EventFacts facts, EventEntry entry, MarkingScheme scheme);
    }

    private Future<LogWriter.Outcome> headJudgeWrite(Principal who, long eventId, String entryCode, Actor actor,
                                                     String key, String requestHash, SheetDecision decision) {
        return writer.write(eventId, actor, key, requestHash, (conn, facts, head) -> {
            MarkingScheme scheme = schemes.of(facts.schemeJson());
            if (facts.signedOffAt() != null) {
                throw Refusals.signedOff();
            }
            return headJudge(conn, eventId, who)
                    .compose(v -> openSheet(conn, eventId, entryCode))
                    .compose(entry -> decision.decide(conn, facts, entry, scheme)
                            .map(drafts -> new LogWriter.Decision(201, drafts,
                                    entries -> sheetAnswer(eventId, entryCode, entries, head))));
        });
    }

    private Future<Void> headJudge(SqlConnection conn, long eventId, Principal who) {
        if (!who.is(AccountKind.JUDGE)) {
            return Future.failedFuture(Refusals.wrongRole("HEAD_JUDGE / 裁判长"));
        }
        return role(conn, eventId, who).map(role -> {
            if (role == null) {
                throw Refusals.notOnPanel();
            }
            if (role != PanelRole.HEAD_JUDGE) {
                throw Refusals.notHeadJudge();
            }
            return null;
        });
    }

    private Future<PanelRole> role(SqlConnection conn, long eventId, Principal who) {
        return judging.panel(conn, eventId).map(panel -> panel.stream()
                .filter(member -> member.accountId() == who.accountId())
                .map(PanelMember::role).findFirst().orElse(null));
    }

    /** The entry, which must be registered and its sheet not locked. */
    private Future<EventEntry> openSheet(SqlConnection conn, long eventId, String entryCode) {
        return judging.entry(conn, eventId, entryCode).compose(entry -> {
            if (!"REGISTERED".equals(entry.status())) {
                throw Refusals.withdrawn();
            }
            return judging.locked(conn, eventId, entry.registrationId()).map(locked -> {
                if (locked) {
                    throw Refusals.locked();
                }
                return entry;
            });
        });
    }

    static void checkMarks(MarkingScheme scheme, List<MarkInput> marks) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < marks.size(); i++) {
            MarkInput mark = marks.get(i);
            String where = "marks[" + i + "]";
            Optional<Aspect> aspect = scheme.aspect(mark.aspectId());
            if (aspect.isEmpty()) {
                errors.add(new FieldError(where + ".aspectId", "评分标准中没有评分项 " + mark.aspectId()
                        + " / the scheme has no aspect " + mark.aspectId()));
                continue;
            }
            if (!seen.add(mark.aspectId())) {
                errors.add(new FieldError(where + ".aspectId", "同一评分项只能出现一次 / an aspect may appear once"));
            }
            if (aspect.get().type() == AspectType.DEDUCTION) {
                errors.add(new FieldError(where + ".aspectId", "扣分项由裁判长记录违规 / the head judge records"
                        + " violations for a deduction aspect"));
                continue;
            }
            aspect.get().checkMark(mark.value()).ifPresent(rejection ->
                    errors.add(new FieldError(where + ".value", rejection.message())));
        }
        if (!errors.isEmpty()) {
            throw new Problem(ErrorCode.INVALID_MARKS, "分值无效 / invalid marks", errors);
        }
    }

    private static Aspect aspect(MarkingScheme scheme, String aspectId) {
        return scheme.aspect(aspectId).orElseThrow(() -> Problem.invalid(List.of(new FieldError("aspectId",
                "评分标准中没有评分项 " + aspectId + " / the scheme has no aspect " + aspectId))));
    }

    private static JsonObject sheetAnswer(long eventId, String entryCode, List<LogEntry> entries,
                                          ChainHead head) {
        long version = entries.isEmpty() ? head.lastSeq() : entries.get(entries.size() - 1).seq();
        return new JsonObject().put("eventId", eventId).put("entryCode", entryCode).put("version", version);
    }
}
