package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.Principal;
import io.jiangxin.export.PersonalDataWorkbook;
import io.jiangxin.storage.ContestStore;
import io.jiangxin.storage.PersonalDataStore;
import io.jiangxin.storage.PersonalDataStore.Action;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Personal information as 个人信息保护法 asks (docs/privacy.md): full ID numbers leave the server only through an
 * organizer's audited export with a reason; a person's record can be exported for them; an erasure request and the
 * retention period both anonymise, which keeps results, score logs and their hash chains whole.
 */
public final class PersonalData {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalData.class);

    private final PersonalDataStore store;
    private final ContestStore contests;
    private final Duration retention;
    private final Clock clock;

    /** @param retention how long after a contest's last notice ends its people are kept; null keeps them */
    public PersonalData(PersonalDataStore store, ContestStore contests, Duration retention, Clock clock) {
        this.store = store;
        this.contests = contests;
        this.retention = retention;
        this.clock = clock;
    }

    /** The contest's people with full ID numbers, recorded with who asked and why before a byte is written. */
    public Future<Exports.Document> fullIdExport(long contestId, Principal who, String reason, String requestId) {
        return contests.get(contestId).compose(contest -> store.contestPeople(contestId).compose(people ->
                store.record(new Action("FULL_ID_EXPORT", who.accountId(), contestId, null, people.size(), reason,
                        requestId)).map(auditId -> {
                    Instant now = clock.instant();
                    List<PersonalDataWorkbook.Line> lines = people.stream().map(p -> new PersonalDataWorkbook.Line(
                            p.organization(), p.employeeNo(), p.name(), p.idNumber(), p.trade(), p.events())).toList();
                    LOG.info("full ID numbers of contest {} exported by account {} (audit #{}, {} people)", contestId,
                            who.accountId(), auditId, people.size());
                    return document(contest.name() + "-参赛人员-完整身份证号.xlsx", out ->
                            PersonalDataWorkbook.contestPeople(contest.name(), lines, who.displayName(), reason,
                                    auditId, now, out));
                })));
    }

    /** A person's whole record with its audit number, or a 404 problem. */
    public Future<Exported> personRecord(long personId, Principal who, String requestId) {
        return store.personRecord(personId).compose(record -> {
            if (record == null) {
                return Future.failedFuture(Problem.notFound("person", personId));
            }
            return store.record(new Action("PERSON_EXPORT", who.accountId(), null, personId, 1,
                            "本人查阅请求 / the person's request to see their data", requestId))
                    .map(auditId -> new Exported(record, auditId, clock.instant()));
        });
    }

    public record Exported(JsonObject record, long auditId, Instant at) {
        public Exports.Document workbook() {
            return document("personal-data-" + record.getJsonObject("person").getLong("id") + ".xlsx",
                    out -> PersonalDataWorkbook.personRecord(record, auditId, at, out));
        }
    }

    /** Carries out a person's erasure request: 404 unknown, 409 already anonymised. */
    public Future<JsonObject> erase(long personId, Principal who, String reason, String requestId) {
        return store.person(personId).compose(row -> {
            if (row == null) {
                return Future.failedFuture(Problem.notFound("person", personId));
            }
            if (row.getValue("anonymised_at") != null) {
                return Future.failedFuture(new Problem(ErrorCode.ALREADY_ANONYMISED,
                        "此人的个人信息已匿名化 / this person's data is already anonymised"));
            }
            return store.anonymise(List.of(personId), new Action("ERASURE", who.accountId(), null, personId, 1,
                            reason, requestId))
                    .map(count -> new JsonObject().put("personId", personId).put("anonymised", count == 1));
        });
    }

    /** Anonymises everyone past the retention period; nothing without one. Idempotent, so every node may run it. */
    public Future<Integer> applyRetention() {
        if (retention == null) {
            return Future.succeededFuture(0);
        }
        Instant closedBefore = clock.instant().minus(retention);
        return store.pastRetention(closedBefore).compose(ids -> store.anonymise(ids, new Action("RETENTION", null,
                null, null, ids.size(), "保存期限届满（" + retention.toDays() + " 天）/ retention period of "
                        + retention.toDays() + " days ended", null))).onSuccess(count -> {
                            if (count > 0) {
                                LOG.info("retention: {} people anonymised (contests closed before {})", count,
                                        closedBefore);
                            }
                        });
    }

    private interface Body {
        void write(java.io.OutputStream out);
    }

    private static Exports.Document document(String filename, Body body) {
        return new Exports.Document() {
            @Override
            public String filename() {
                return filename;
            }

            @Override
            public void write(java.io.OutputStream out) {
                body.write(out);
            }
        };
    }

    /** The latest audited actions on personal data, newest first. */
    public Future<io.vertx.core.json.JsonArray> actions(int limit) {
        return store.actions(limit);
    }
}
