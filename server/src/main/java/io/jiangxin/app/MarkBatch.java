package io.jiangxin.app;

import io.jiangxin.judging.ChainHead;
import io.jiangxin.judging.EventFacts;
import io.jiangxin.judging.EventEntry;
import io.jiangxin.judging.PanelMember;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.judging.LogDraft;
import io.jiangxin.judging.LogEntry;
import io.jiangxin.judging.RecordKind;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ScoreLogStore;
import io.jiangxin.storage.ScoreLogStore.MarkKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges' mark submissions, decided together: the submissions that reach an event's log writer in a row share one
 * read of the panel, the entries, the declared conflicts, the review assignments and the current marks. Each is
 * still checked on its own and answered on its own; a later one in the same group corrects an earlier one.
 */
public final class MarkBatch implements LogWriter.Batch<MarkBatch.Submission> {

    /** One judge's marks on one entry, as sent. */
    public record Submission(Principal judge, String entryCode, List<Judging.MarkInput> marks) {
    }

    private final JudgingStore judging;
    private final ScoreLogStore log;
    private final Schemes schemes;
    private final io.jiangxin.storage.ReviewStore reviews;

    public MarkBatch(JudgingStore judging, ScoreLogStore log, Schemes schemes, io.jiangxin.storage.ReviewStore reviews) {
        this.judging = judging;
        this.log = log;
        this.schemes = schemes;
        this.reviews = reviews;
    }

    @Override
    public Future<List<Object>> decideAll(SqlConnection conn, EventFacts facts, ChainHead head,
                                          List<Submission> submissions) {
        long eventId = head.eventId();
        Set<String> codes = new HashSet<>();
        Set<Long> judges = new HashSet<>();
        submissions.forEach(p -> {
            codes.add(p.entryCode());
            judges.add(p.judge().accountId());
        });
        Future<List<PanelMember>> panel = judging.panel(conn, eventId);
        Future<Map<String, EventEntry>> entries = judging.entriesByCode(conn, eventId, codes);
        Future<Map<Long, Map<Long, String>>> conflicts = judging.conflicts(conn, eventId);
        // A document round with a review assignment: each judge marks only the entries assigned to them.
        Future<Map<Long, Set<Long>>> assigned = reviews.assignedFor(conn, eventId, judges);
        return Future.all(panel, entries, conflicts, assigned).compose(context -> {
            Set<Long> registrations = new HashSet<>();
            entries.result().values().forEach(e -> registrations.add(e.registrationId()));
            return log.currentMarks(conn, eventId, registrations, judges).map(current -> {
                List<Object> decisions = new ArrayList<>();
                for (Submission p : submissions) {
                    try {
                        List<LogDraft> drafts = new ArrayList<>();
                        JsonArray answered = decide(p, facts, panel.result(), entries.result(), conflicts.result(),
                                assigned.result(), current, drafts);
                        decisions.add(new LogWriter.Decision(drafts.isEmpty() ? 200 : 201, drafts,
                                stored -> answer(eventId, p.entryCode(), answered, stored, head)));
                    } catch (Problem refused) {
                        decisions.add(refused);
                    }
                }
                return decisions;
            });
        });
    }

    /** The marks as decided, each changed one with the sequence number it was stored under. */
    private static JsonObject answer(long eventId, String entryCode, JsonArray answered, List<LogEntry> stored,
                                     ChainHead head) {
        for (int m = 0, e = 0; m < answered.size(); m++) {
            JsonObject item = answered.getJsonObject(m);
            if (!"UNCHANGED".equals(item.getString("result"))) {
                item.put("seq", stored.get(e++).seq());
            }
        }
        long version = stored.isEmpty() ? head.lastSeq() : stored.get(stored.size() - 1).seq();
        return new JsonObject().put("eventId", eventId).put("entryCode", entryCode).put("version", version)
                .put("marks", answered);
    }

    /** Checks one submission against the event as it stands, and states the records it adds. */
    private JsonArray decide(Submission p, EventFacts facts, List<PanelMember> panel,
                             Map<String, EventEntry> entries, Map<Long, Map<Long, String>> conflicts,
                             Map<Long, Set<Long>> assigned, Map<MarkKey, BigDecimal> current, List<LogDraft> drafts) {
        MarkingScheme scheme = schemes.of(facts.schemeJson());
        Judging.checkMarks(scheme, p.marks());
        if (facts.signedOffAt() != null) {
            throw Refusals.signedOff();
        }
        PanelRole role = panel.stream().filter(m -> m.accountId() == p.judge().accountId())
                .map(PanelMember::role).findFirst().orElse(null);
        if (role == null) {
            throw Refusals.notOnPanel();
        }
        if (role != PanelRole.JUDGE) {
            throw Refusals.wrongRole("JUDGE / 裁判（裁判长不打分 / head judges do not mark）");
        }
        EventEntry entry = entries.get(p.entryCode());
        if (entry == null) {
            throw new Problem(ErrorCode.NOT_FOUND, "该赛项没有参赛号 " + p.entryCode() + " / no entry " + p.entryCode()
                    + " in this event");
        }
        if (!"REGISTERED".equals(entry.status())) {
            throw Refusals.withdrawn();
        }
        if (entry.locked()) {
            throw Refusals.locked();
        }
        Long organization = p.judge().organizationId();
        if (organization != null && entry.organizationIds().contains(organization)) {
            throw Refusals.recusedSameOrganization();
        }
        String declared = conflicts.getOrDefault(p.judge().accountId(), Map.of()).get(entry.registrationId());
        if (declared != null) {
            throw Refusals.recusedDeclared(declared);
        }
        if (assigned != null && !assigned.getOrDefault(p.judge().accountId(), Set.of()).contains(entry.registrationId())) {
            throw ReviewAssignments.notAssigned();
        }
        JsonArray answered = new JsonArray();
        for (Judging.MarkInput mark : p.marks()) {
            MarkKey key = new MarkKey(entry.registrationId(), mark.aspectId(), p.judge().accountId());
            BigDecimal previous = current.get(key);
            JsonObject item = new JsonObject().put("aspectId", mark.aspectId()).put("value", mark.value().toPlainString())
                    .put("previous", previous == null ? null : previous.toPlainString());
            if (previous != null && previous.compareTo(mark.value()) == 0) {
                answered.add(item.put("result", "UNCHANGED"));
                continue;
            }
            RecordKind kind = previous == null ? RecordKind.MARK : RecordKind.CORRECTION;
            drafts.add(new LogDraft(kind, entry.registrationId(), mark.aspectId(), p.judge().accountId(), previous,
                    mark.value(), null, null, null));
            // A later submission in the same group corrects this one, not the stored mark.
            current.put(key, mark.value());
            answered.add(item.put("result", kind == RecordKind.MARK ? "RECORDED" : "CORRECTED"));
        }
        return answered;
    }
}
