package io.jiangxin.storage;

import io.jiangxin.problem.Problem;
import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.SkillGrade;
import io.jiangxin.ladder.points.CertificateEvidence;
import io.jiangxin.ladder.points.ContestEvidence;
import io.jiangxin.ladder.points.Evidence;
import io.jiangxin.ladder.points.HonourEvidence;
import io.jiangxin.ladder.points.InnovationEvidence;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.points.MentoringEvidence;
import io.jiangxin.ladder.points.TechServiceEvidence;
import io.jiangxin.ladder.points.TrainingAssessmentEvidence;
import io.jiangxin.ladder.points.TrainingHoursEvidence;
import io.jiangxin.registry.Person;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The ladder's tables: configurations, ladders, tier holdings, result and evidence facts, the points ledger,
 * courses and attendance, mentorships. Nominations and quotas are in {@link LadderWorkflowStore}.
 */
public final class LadderStore {

    public record ConfigRow(long id, String code, int version, long organizationId, boolean publicRoster,
                            String document, Instant importedAt) {
    }

    public record LadderRow(String ladderId, String configCode, long organizationId, String scope) {
    }

    public record HoldingRow(long id, String ladderId, long personId, String tierCode, LocalDate start, LocalDate end,
                             String basis, Long nominationId) {
    }

    /** A contest result revision; {@code rank} null means withdrawn (disqualified on re-sign-off). */
    public record ResultRow(long id, long personId, String eventKey, Long eventId, String eventName, String trade,
                            Level level, ContestClass contestClass, Integer rank, String award, LocalDate heldOn,
                            LocalDate signedOffOn, int revision, String source) {
    }

    /**
     * A training assessment revision (培训考核), private to the worker and the organizer; {@code rank} null means
     * withdrawn (disqualified on re-sign-off), and a withdrawn revision never passes.
     */
    public record AssessmentRow(long id, long personId, String eventKey, long eventId, String eventName,
                                BigDecimal total, boolean passed, Integer rank, LocalDate heldOn,
                                LocalDate signedOffOn, int revision) {
    }

    public record EvidenceRow(long id, long personId, String kind, String reference, String qualifier, String title,
                              String level, String grade, BigDecimal hours, LocalDate effectiveOn,
                              LocalDate recordedOn) {
    }

    public record CourseRow(long id, long organizationId, String code, String name, BigDecimal hours,
                            LocalDate heldOn) {
    }

    public record AttendanceRow(long courseId, String courseCode, String courseName, long personId,
                                BigDecimal hours, String assessment, LocalDate heldOn) {
    }

    public record ProgressRow(long id, String kind, LocalDate date, String grade, String honourLevel,
                              String description, String evidenceRef) {
    }

    public record MentorshipRow(long id, long mentorId, long apprenticeId, LocalDate startedOn, LocalDate endedOn,
                                JsonArray goals, List<ProgressRow> progress) {
    }

    private static final String RESULT_COLUMNS = "id, person_id, event_key, event_id, event_name, trade, level,"
            + " contest_class, rank, award, held_on, signed_off_on, revision, source";
    private static final String LEDGER_COLUMNS = "config_code, source_key, person_id, category, points, effective_on,"
            + " recorded_on, evidence::text as evidence, reverses, note_zh, note_en";

    private final Pool pool;

    public LadderStore(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    // ---- configurations and ladders

    public Future<ConfigRow> insertConfig(SqlClient client, String code, long organizationId, boolean publicRoster,
                                          String document, Long importedBy) {
        return client.preparedQuery("insert into ladder_config (code, version, organization_id, public_roster, document,"
                        + " imported_by) select $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5 from ladder_config"
                        + " where code = $1 returning *")
                .execute(Tuple.of(code, organizationId, publicRoster, document, importedBy))
                .map(rows -> config(rows.iterator().next()))
                .recover(e -> Future.failedFuture(LadderConstraints.translate(e)));
    }

    /** The version in force of every configuration code. */
    public Future<List<ConfigRow>> currentConfigs(SqlClient client) {
        return client.query("select distinct on (code) * from ladder_config order by code, version desc").execute()
                .map(rows -> list(rows, LadderStore::config));
    }

    public Future<ConfigRow> config(SqlClient client, String code, Integer version) {
        return client.preparedQuery("select * from ladder_config where code = $1 and ($2::int is null or version = $2)"
                        + " order by version desc limit 1")
                .execute(Tuple.of(code, version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound("梯队配置 / ladder configuration", code + (version == null ? "" : " v" + version));
                    }
                    return config(rows.iterator().next());
                });
    }

    public Future<List<ConfigRow>> configVersions(SqlClient client, String code) {
        return client.preparedQuery("select * from ladder_config where code = $1 order by version")
                .execute(Tuple.of(code)).map(rows -> list(rows, LadderStore::config));
    }

    public Future<List<LadderRow>> ladders(SqlClient client) {
        return client.query("select * from ladder order by ladder_id").execute().map(rows -> list(rows, LadderStore::ladder));
    }

    public Future<LadderRow> ladder(SqlClient client, String ladderId) {
        return client.preparedQuery("select * from ladder where ladder_id = $1").execute(Tuple.of(ladderId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound("梯队 / ladder", ladderId);
                    }
                    return ladder(rows.iterator().next());
                });
    }

    /** Claims or keeps a ladder id for a configuration code; another code's ladder id is a 409. */
    public Future<Void> upsertLadder(SqlClient client, String ladderId, String configCode, long organizationId,
                                     String scope) {
        return client.preparedQuery("insert into ladder (ladder_id, config_code, organization_id, scope)"
                        + " values ($1, $2, $3, $4) on conflict (ladder_id) do update set organization_id = $3, scope = $4"
                        + " where ladder.config_code = $2 returning ladder_id")
                .execute(Tuple.of(ladderId, configCode, organizationId, scope))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.conflict("LADDER_ID_TAKEN", "梯队编号 " + ladderId + " 已属于其他配置 / the ladder id "
                                + ladderId + " belongs to another configuration");
                    }
                    return null;
                });
    }

    // ---- people

    public Future<Person> person(SqlClient client, long id) {
        return client.preparedQuery("select id, name, employee_no, organization_id, trade, skill_grade, id_number"
                        + " from person where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound(PersonStore.WHAT, id);
                    }
                    return PersonStore.map(rows.iterator().next());
                });
    }

    public Future<List<Person>> people(SqlClient client, Collection<Long> ids) {
        return client.preparedQuery("select id, name, employee_no, organization_id, trade, skill_grade, id_number"
                        + " from person where id = any($1::bigint[]) order by id")
                .execute(Tuple.of((Object) ids.toArray(new Long[0])))
                .map(rows -> list(rows, PersonStore::map));
    }

    /** The person with this employee number in the named organization, if any. */
    public Future<Long> personByEmployeeNo(SqlClient client, String organization, String employeeNo) {
        return client.preparedQuery("select p.id from person p join organization o on o.id = p.organization_id"
                        + " where o.name = $1 and p.employee_no = $2").execute(Tuple.of(organization, employeeNo))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
    }

    public Future<List<Long>> peopleOfOrganization(SqlClient client, long organizationId) {
        return client.preparedQuery("select id from person where organization_id = $1 order by id")
                .execute(Tuple.of(organizationId)).map(rows -> list(rows, r -> r.getLong("id")));
    }

    /** Everyone with anything the ladder counts: a holding, a result, evidence, a mentorship or a ledger entry. */
    public Future<List<Long>> peopleWithLadderFacts(SqlClient client) {
        return client.query("select person_id from ladder_tier_holding union select person_id from ladder_result"
                        + " union select person_id from ladder_evidence union select mentor_id from ladder_mentorship"
                        + " union select person_id from ladder_attendance union select person_id from ladder_ledger"
                        + " union select person_id from ladder_assessment order by 1").execute()
                .map(rows -> list(rows, r -> r.getLong(0)));
    }

    public Future<List<Long>> organizationIdByName(SqlClient client, String name) {
        return client.preparedQuery("select id from organization where name = $1 or id::text = $1")
                .execute(Tuple.of(name)).map(rows -> list(rows, r -> r.getLong("id")));
    }

    public Future<java.util.Map<Long, String>> organizationNames(SqlClient client, Collection<Long> ids) {
        return client.preparedQuery("select id, name from organization where id = any($1::bigint[])")
                .execute(Tuple.of((Object) ids.toArray(new Long[0])))
                .map(rows -> {
                    java.util.Map<Long, String> names = new java.util.HashMap<>();
                    rows.forEach(r -> names.put(r.getLong("id"), r.getString("name")));
                    return names;
                });
    }

    /** The entry with this key in a configuration's ledger, if any. */
    public Future<LedgerEntry> ledgerEntry(SqlClient client, String configCode, String sourceKey) {
        return client.preparedQuery("select " + LEDGER_COLUMNS + " from ladder_ledger where config_code = $1"
                        + " and source_key = $2").execute(Tuple.of(configCode, sourceKey))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound("积分分录 / ledger entry", sourceKey);
                    }
                    return ledgerEntry(rows.iterator().next());
                });
    }

    /** Registration id → the people it stands for (the person, or the team's members), registered entries only. */
    public Future<java.util.Map<Long, List<Long>>> entrants(SqlClient client, long eventId) {
        return client.preparedQuery("select r.id, case when r.person_id is not null then array[r.person_id] else (select"
                        + " array_agg(tm.person_id order by tm.position) from team_member tm where tm.team_id = r.team_id)"
                        + " end as people"
                        + " from registration r where r.event_id = $1 and r.status = 'REGISTERED'")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    java.util.Map<Long, List<Long>> entrants = new java.util.HashMap<>();
                    rows.forEach(r -> {
                        Long[] people = r.getArrayOfLongs("people");
                        entrants.put(r.getLong("id"), people == null ? List.of()
                                : java.util.Arrays.stream(people).filter(java.util.Objects::nonNull).toList());
                    });
                    return entrants;
                });
    }

    public Future<String> organizationName(SqlClient client, long id) {
        return client.preparedQuery("select name from organization where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.unknownReference("organizationId", "单位不存在 / unknown organization");
                    }
                    return rows.iterator().next().getString("name");
                });
    }

    // ---- tier holdings

    public Future<List<HoldingRow>> holdings(SqlClient client, Collection<Long> personIds) {
        return client.preparedQuery("select * from ladder_tier_holding where person_id = any($1::bigint[])"
                        + " order by person_id, ladder_id, start_on")
                .execute(Tuple.of((Object) personIds.toArray(new Long[0]))).map(rows -> list(rows, LadderStore::holding));
    }

    public Future<List<HoldingRow>> holdingsOfLadder(SqlClient client, String ladderId) {
        return client.preparedQuery("select * from ladder_tier_holding where ladder_id = $1 order by person_id, start_on")
                .execute(Tuple.of(ladderId)).map(rows -> list(rows, LadderStore::holding));
    }

    public Future<List<Long>> holdersOfAnyLadder(SqlClient client) {
        return client.query("select distinct person_id from ladder_tier_holding where end_on is null order by 1")
                .execute().map(rows -> list(rows, r -> r.getLong(0)));
    }

    public Future<Void> closeHolding(SqlClient client, long holdingId, LocalDate end) {
        return client.preparedQuery("update ladder_tier_holding set end_on = $2 where id = $1")
                .execute(Tuple.of(holdingId, end)).mapEmpty();
    }

    public Future<Long> insertHolding(SqlClient client, String ladderId, long personId, String tierCode, LocalDate start,
                                      String basis, Long nominationId, Long recordedBy) {
        return client.preparedQuery("insert into ladder_tier_holding (ladder_id, person_id, tier_code, start_on, basis,"
                        + " nomination_id, recorded_by) values ($1, $2, $3, $4, $5, $6, $7) returning id")
                .execute(Tuple.from(new Object[] {ladderId, personId, tierCode, start, basis, nominationId, recordedBy}))
                .map(rows -> rows.iterator().next().getLong("id"))
                .recover(e -> Future.failedFuture(LadderConstraints.translate(e)));
    }

    // ---- results

    public Future<List<ResultRow>> results(SqlClient client, Collection<Long> personIds) {
        return client.preparedQuery("select " + RESULT_COLUMNS + " from ladder_result where person_id = any($1::bigint[])"
                        + " order by person_id, event_key, revision")
                .execute(Tuple.of((Object) personIds.toArray(new Long[0]))).map(rows -> list(rows, LadderStore::result));
    }

    public Future<List<ResultRow>> resultsOfEvent(SqlClient client, String eventKey) {
        return client.preparedQuery("select " + RESULT_COLUMNS + " from ladder_result where event_key = $1"
                        + " order by person_id, revision")
                .execute(Tuple.of(eventKey)).map(rows -> list(rows, LadderStore::result));
    }

    public Future<Boolean> insertResult(SqlClient client, ResultRow r) {
        return client.preparedQuery("insert into ladder_result (person_id, event_key, event_id, event_name, trade, level,"
                        + " contest_class, rank, award, held_on, signed_off_on, revision, source) values ($1, $2, $3, $4,"
                        + " $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict do nothing")
                .execute(Tuple.from(new Object[] {r.personId(), r.eventKey(), r.eventId(), r.eventName(), r.trade(),
                        r.level().name(), r.contestClass().name(), r.rank(), r.award(), r.heldOn(), r.signedOffOn(),
                        r.revision(), r.source()}))
                .map(rows -> rows.rowCount() > 0)
                .recover(e -> Future.failedFuture(LadderConstraints.translate(e)));
    }

    // ---- training assessments

    private static final String ASSESSMENT_COLUMNS = "id, person_id, event_key, event_id, event_name, total, passed,"
            + " rank, held_on, signed_off_on, revision";

    public Future<List<AssessmentRow>> assessments(SqlClient client, Collection<Long> personIds) {
        return client.preparedQuery("select " + ASSESSMENT_COLUMNS + " from ladder_assessment"
                        + " where person_id = any($1::bigint[]) order by person_id, event_key, revision")
                .execute(Tuple.of((Object) personIds.toArray(new Long[0])))
                .map(rows -> list(rows, LadderStore::assessment));
    }

    public Future<List<AssessmentRow>> assessmentsOfEvent(SqlClient client, String eventKey) {
        return client.preparedQuery("select " + ASSESSMENT_COLUMNS + " from ladder_assessment where event_key = $1"
                        + " order by person_id, revision")
                .execute(Tuple.of(eventKey)).map(rows -> list(rows, LadderStore::assessment));
    }

    public Future<Boolean> insertAssessment(SqlClient client, AssessmentRow a) {
        return client.preparedQuery("insert into ladder_assessment (person_id, event_key, event_id, event_name, total,"
                        + " passed, rank, held_on, signed_off_on, revision) values ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                        + " $10) on conflict do nothing")
                .execute(Tuple.from(new Object[] {a.personId(), a.eventKey(), a.eventId(), a.eventName(), a.total(),
                        a.passed(), a.rank(), a.heldOn(), a.signedOffOn(), a.revision()}))
                .map(rows -> rows.rowCount() > 0);
    }

    private static AssessmentRow assessment(Row row) {
        return new AssessmentRow(row.getLong("id"), row.getLong("person_id"), row.getString("event_key"),
                row.getLong("event_id"), row.getString("event_name"), row.getBigDecimal("total"),
                row.getBoolean("passed"), row.getInteger("rank"), row.getLocalDate("held_on"),
                row.getLocalDate("signed_off_on"), row.getInteger("revision"));
    }

    /** A lock that orders every posting of one event's results (or one person's), across nodes. */
    public Future<Void> advisoryLock(SqlClient client, String key) {
        return client.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 7))").execute(Tuple.of(key))
                .mapEmpty();
    }

    // ---- evidence

    public Future<EvidenceRow> insertEvidence(SqlClient client, EvidenceRow e, Long recordedBy) {
        return client.preparedQuery("insert into ladder_evidence (person_id, kind, reference, qualifier, title, level,"
                        + " grade, hours, effective_on, recorded_on, recorded_by) values ($1, $2, $3, $4, $5, $6, $7, $8,"
                        + " $9, $10, $11) returning *")
                .execute(Tuple.from(new Object[] {e.personId(), e.kind(), e.reference(), e.qualifier(), e.title(),
                        e.level(), e.grade(), e.hours(), e.effectiveOn(), e.recordedOn(), recordedBy}))
                .map(rows -> evidence(rows.iterator().next()))
                .recover(x -> Future.failedFuture(LadderConstraints.translate(x)));
    }

    public Future<List<EvidenceRow>> evidence(SqlClient client, Collection<Long> personIds) {
        return client.preparedQuery("select * from ladder_evidence where person_id = any($1::bigint[]) order by id")
                .execute(Tuple.of((Object) personIds.toArray(new Long[0]))).map(rows -> list(rows, LadderStore::evidence));
    }

    // ---- ledger

    public Future<List<LedgerEntry>> ledger(SqlClient client, String configCode, Collection<Long> personIds) {
        return client.preparedQuery("select " + LEDGER_COLUMNS + " from ladder_ledger where config_code = $1"
                        + " and person_id = any($2::bigint[]) order by id")
                .execute(Tuple.of(configCode, (Object) personIds.toArray(new Long[0])))
                .map(rows -> list(rows, LadderStore::ledgerEntry));
    }

    /** One entry of a configuration's ledger. */
    public record ConfigEntry(String configCode, LedgerEntry entry) {
    }

    /** Every entry of one person, in every configuration, for the worker's page. */
    public Future<List<ConfigEntry>> ledgerOfPerson(SqlClient client, long personId) {
        return client.preparedQuery("select " + LEDGER_COLUMNS + " from ladder_ledger where person_id = $1"
                        + " order by config_code, id")
                .execute(Tuple.of(personId))
                .map(rows -> list(rows, row -> new ConfigEntry(row.getString("config_code"), ledgerEntry(row))));
    }

    /** Appends entries; a key the ledger already has is skipped, so posting again adds nothing. */
    public Future<Integer> append(SqlClient client, String configCode, List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return Future.succeededFuture(0);
        }
        List<Tuple> batch = new ArrayList<>();
        for (LedgerEntry e : entries) {
            batch.add(Tuple.from(new Object[] {configCode, e.sourceKey(), Long.parseLong(e.personId()), e.category(),
                    e.points(), e.effectiveOn(), e.recordedOn(), evidenceJson(e.evidence()), e.reverses(),
                    e.note() == null ? "" : e.note().zh(), e.note() == null ? "" : e.note().en()}));
        }
        return client.preparedQuery("insert into ladder_ledger (config_code, source_key, person_id, category, points,"
                        + " effective_on, recorded_on, evidence, reverses, note_zh, note_en) values ($1, $2, $3, $4, $5,"
                        + " $6, $7, $8::jsonb, $9, $10, $11) on conflict do nothing")
                .executeBatch(batch)
                .map(rows -> {
                    int added = 0;
                    for (RowSet<Row> r = rows; r != null; r = r.next()) {
                        added += r.rowCount();
                    }
                    return added;
                });
    }

    // ---- event posting marks

    /** Signed-off events whose current sign-off has not been posted to the ladder yet. */
    public Future<List<Long>> unpostedEvents(SqlClient client) {
        return client.query("select e.id from event e left join ladder_event_posting p on p.event_id = e.id"
                        + " where e.signed_off_at is not null and (p.event_id is null or p.signed_off_at <> e.signed_off_at)"
                        + " order by e.id limit 50").execute()
                .map(rows -> list(rows, r -> r.getLong(0)));
    }

    public Future<Void> markPosted(SqlClient client, long eventId, OffsetDateTime signedOffAt) {
        return client.preparedQuery("insert into ladder_event_posting (event_id, signed_off_at) values ($1, $2)"
                        + " on conflict (event_id) do update set signed_off_at = $2, posted_at = now()")
                .execute(Tuple.of(eventId, signedOffAt)).mapEmpty();
    }

    // ---- courses and attendance

    public Future<CourseRow> insertCourse(SqlClient client, long organizationId, String code, String name,
                                          BigDecimal hours, LocalDate heldOn) {
        return client.preparedQuery("insert into ladder_course (organization_id, code, name, hours, held_on)"
                        + " values ($1, $2, $3, $4, $5) returning *")
                .execute(Tuple.of(organizationId, code, name, hours, heldOn))
                .map(rows -> course(rows.iterator().next()))
                .recover(e -> Future.failedFuture(LadderConstraints.translate(e)));
    }

    public Future<CourseRow> course(SqlClient client, long id) {
        return client.preparedQuery("select * from ladder_course where id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw Problem.notFound("课程 / course", id);
            }
            return course(rows.iterator().next());
        });
    }

    public Future<List<CourseRow>> courses(SqlClient client, Long organizationId) {
        return client.preparedQuery("select * from ladder_course where ($1::bigint is null or organization_id = $1)"
                        + " order by held_on, id")
                .execute(Tuple.of(organizationId)).map(rows -> list(rows, LadderStore::course));
    }

    public Future<Void> insertAttendance(SqlClient client, long courseId, long personId, BigDecimal hours,
                                         String assessment) {
        return client.preparedQuery("insert into ladder_attendance (course_id, person_id, hours, assessment)"
                        + " values ($1, $2, $3, $4)")
                .execute(Tuple.of(courseId, personId, hours, assessment)).<Void>mapEmpty()
                .recover(e -> Future.failedFuture(LadderConstraints.translate(e)));
    }

    public Future<List<AttendanceRow>> attendanceOf(SqlClient client, long personId) {
        return client.preparedQuery("select a.course_id, c.code, c.name, a.person_id, a.hours, a.assessment, c.held_on"
                        + " from ladder_attendance a join ladder_course c on c.id = a.course_id where a.person_id = $1"
                        + " order by c.held_on, c.id")
                .execute(Tuple.of(personId))
                .map(rows -> list(rows, r -> new AttendanceRow(r.getLong("course_id"), r.getString("code"),
                        r.getString("name"), r.getLong("person_id"), r.getBigDecimal("hours"), r.getString("assessment"),
                        r.getLocalDate("held_on"))));
    }

    public Future<List<AttendanceRow>> attendanceOfCourse(SqlClient client, long courseId) {
        return client.preparedQuery("select a.course_id, c.code, c.name, a.person_id, a.hours, a.assessment, c.held_on"
                        + " from ladder_attendance a join ladder_course c on c.id = a.course_id where a.course_id = $1"
                        + " order by a.person_id")
                .execute(Tuple.of(courseId))
                .map(rows -> list(rows, r -> new AttendanceRow(r.getLong("course_id"), r.getString("code"),
                        r.getString("name"), r.getLong("person_id"), r.getBigDecimal("hours"), r.getString("assessment"),
                        r.getLocalDate("held_on"))));
    }

    // ---- mentorships

    public Future<Long> insertMentorship(SqlClient client, long mentorId, long apprenticeId, LocalDate startedOn,
                                        LocalDate endedOn, JsonArray goals) {
        return client.preparedQuery("insert into ladder_mentorship (mentor_id, apprentice_id, started_on, ended_on, goals)"
                        + " values ($1, $2, $3, $4, $5::jsonb) returning id")
                .execute(Tuple.of(mentorId, apprenticeId, startedOn, endedOn, goals))
                .map(rows -> rows.iterator().next().getLong("id"))
                .recover(e -> Future.failedFuture(LadderConstraints.translate(e)));
    }

    public Future<Long> insertProgress(SqlClient client, long mentorshipId, String kind, LocalDate date, String grade,
                                      String honourLevel, String description, String evidenceRef) {
        return client.preparedQuery("insert into ladder_progress (mentorship_id, kind, on_date, grade, honour_level,"
                        + " description, evidence_ref) values ($1, $2, $3, $4, $5, $6, $7) returning id")
                .execute(Tuple.from(new Object[] {mentorshipId, kind, date, grade, honourLevel, description, evidenceRef}))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    public Future<MentorshipRow> mentorship(SqlClient client, long id) {
        return mentorships(client, "m.id = $1", id).map(list -> {
            if (list.isEmpty()) {
                throw Problem.notFound("师带徒 / mentorship", id);
            }
            return list.get(0);
        });
    }

    /** Mentorships in which the person is mentor or apprentice. */
    public Future<List<MentorshipRow>> mentorshipsOf(SqlClient client, Collection<Long> personIds) {
        return mentorships(client, "(m.mentor_id = any($1::bigint[]) or m.apprentice_id = any($1::bigint[]))",
                (Object) personIds.toArray(new Long[0]));
    }

    private Future<List<MentorshipRow>> mentorships(SqlClient client, String where, Object value) {
        return client.preparedQuery("select m.id, m.mentor_id, m.apprentice_id, m.started_on, m.ended_on,"
                        + " m.goals::text as goals, coalesce((select json_agg(json_build_object('id', p.id, 'kind', p.kind,"
                        + " 'date', p.on_date, 'grade', p.grade, 'honourLevel', p.honour_level, 'description',"
                        + " p.description, 'evidenceRef', p.evidence_ref) order by p.on_date, p.id)"
                        + " from ladder_progress p where p.mentorship_id = m.id), '[]')::text as progress"
                        + " from ladder_mentorship m where " + where + " order by m.id")
                .execute(Tuple.of(value))
                .map(rows -> list(rows, row -> {
                    List<ProgressRow> progress = new ArrayList<>();
                    new JsonArray(row.getString("progress")).forEach(o -> {
                        JsonObject p = (JsonObject) o;
                        progress.add(new ProgressRow(p.getLong("id"), p.getString("kind"),
                                LocalDate.parse(p.getString("date")), p.getString("grade"), p.getString("honourLevel"),
                                p.getString("description"), p.getString("evidenceRef")));
                    });
                    return new MentorshipRow(row.getLong("id"), row.getLong("mentor_id"), row.getLong("apprentice_id"),
                            row.getLocalDate("started_on"), row.getLocalDate("ended_on"),
                            new JsonArray(row.getString("goals")), progress);
                }));
    }

    // ---- mapping

    static <T> List<T> list(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> list = new ArrayList<>(rows.size());
        rows.forEach(row -> list.add(mapper.apply(row)));
        return list;
    }

    private static ConfigRow config(Row row) {
        return new ConfigRow(row.getLong("id"), row.getString("code"), row.getInteger("version"),
                row.getLong("organization_id"), row.getBoolean("public_roster"), row.getString("document"),
                row.getOffsetDateTime("imported_at").toInstant());
    }

    private static LadderRow ladder(Row row) {
        return new LadderRow(row.getString("ladder_id"), row.getString("config_code"), row.getLong("organization_id"),
                row.getString("scope"));
    }

    private static HoldingRow holding(Row row) {
        return new HoldingRow(row.getLong("id"), row.getString("ladder_id"), row.getLong("person_id"),
                row.getString("tier_code"), row.getLocalDate("start_on"), row.getLocalDate("end_on"),
                row.getString("basis"), row.getLong("nomination_id"));
    }

    private static ResultRow result(Row row) {
        return new ResultRow(row.getLong("id"), row.getLong("person_id"), row.getString("event_key"),
                row.getLong("event_id"), row.getString("event_name"), row.getString("trade"),
                Level.valueOf(row.getString("level")), ContestClass.valueOf(row.getString("contest_class")),
                row.getInteger("rank"), row.getString("award"), row.getLocalDate("held_on"),
                row.getLocalDate("signed_off_on"), row.getInteger("revision"), row.getString("source"));
    }

    private static EvidenceRow evidence(Row row) {
        return new EvidenceRow(row.getLong("id"), row.getLong("person_id"), row.getString("kind"),
                row.getString("reference"), row.getString("qualifier"), row.getString("title"), row.getString("level"),
                row.getString("grade"), row.getBigDecimal("hours"), row.getLocalDate("effective_on"),
                row.getLocalDate("recorded_on"));
    }

    private static CourseRow course(Row row) {
        return new CourseRow(row.getLong("id"), row.getLong("organization_id"), row.getString("code"),
                row.getString("name"), row.getBigDecimal("hours"), row.getLocalDate("held_on"));
    }

    public static LedgerEntry ledgerEntry(Row row) {
        return new LedgerEntry(row.getString("source_key"), String.valueOf(row.getLong("person_id")),
                row.getString("category"), row.getBigDecimal("points"), row.getLocalDate("effective_on"),
                row.getLocalDate("recorded_on"), evidenceOf(new JsonObject(row.getString("evidence"))),
                row.getString("reverses"), BilingualText.of(row.getString("note_zh"), row.getString("note_en")));
    }

    public static JsonObject evidenceJson(Evidence evidence) {
        JsonObject json = new JsonObject().put("kind", evidence.kind().name());
        if (evidence instanceof ContestEvidence c) {
            json.put("eventId", c.eventId()).put("level", c.level().name()).put("contestClass", c.contestClass().name())
                    .put("rank", c.rank()).put("award", c.award()).put("revision", c.revision());
        } else if (evidence instanceof TrainingHoursEvidence t) {
            json.put("courseId", t.courseId()).put("hours", t.hours().toPlainString());
        } else if (evidence instanceof TrainingAssessmentEvidence t) {
            json.put("assessmentId", t.assessmentId()).put("outcome", t.outcome());
        } else if (evidence instanceof MentoringEvidence m) {
            json.put("mentorshipId", m.mentorshipId()).put("apprenticeId", m.apprenticeId()).put("milestone", m.milestone());
        } else if (evidence instanceof InnovationEvidence i) {
            json.put("reference", i.reference()).put("type", i.type());
        } else if (evidence instanceof TechServiceEvidence t) {
            json.put("serviceId", t.serviceId()).put("type", t.type());
        } else if (evidence instanceof HonourEvidence h) {
            json.put("honourId", h.honourId()).put("title", h.title()).put("level", h.level().name());
        } else if (evidence instanceof CertificateEvidence c) {
            json.put("certificateId", c.certificateId()).put("grade", c.grade().name());
        }
        return json;
    }

    public static Evidence evidenceOf(JsonObject json) {
        return switch (json.getString("kind")) {
            case "CONTEST_RESULT" -> new ContestEvidence(json.getString("eventId"), Level.valueOf(json.getString("level")),
                    ContestClass.valueOf(json.getString("contestClass")), json.getInteger("rank"), json.getString("award"),
                    json.getInteger("revision"));
            case "TRAINING_HOURS" -> new TrainingHoursEvidence(json.getString("courseId"), new BigDecimal(json.getString("hours")));
            case "TRAINING_ASSESSMENT" -> new TrainingAssessmentEvidence(json.getString("assessmentId"), json.getString("outcome"));
            case "MENTORING" -> new MentoringEvidence(json.getString("mentorshipId"), json.getString("apprenticeId"),
                    json.getString("milestone"));
            case "INNOVATION" -> new InnovationEvidence(json.getString("reference"), json.getString("type"));
            case "TECH_SERVICE" -> new TechServiceEvidence(json.getString("serviceId"), json.getString("type"));
            case "HONOUR" -> new HonourEvidence(json.getString("honourId"), json.getString("title"),
                    Level.valueOf(json.getString("level")));
            case "CERTIFICATE" -> new CertificateEvidence(json.getString("certificateId"),
                    SkillGrade.valueOf(json.getString("grade")));
            default -> throw new IllegalStateException("unknown evidence kind " + json.getString("kind"));
        };
    }
}
