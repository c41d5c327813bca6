package io.jiangxin.storage;

import io.jiangxin.app.Problem;
import io.vertx.pgclient.PgException;
import java.util.Map;

/** The ladder tables' constraint names, as {@link Constraints} does for the registry: 409 duplicates, 404 unknown ids. */
final class LadderConstraints {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private record Meaning(String code, String field, String message) {
    }

    private static final Map<String, Meaning> MEANINGS = Map.ofEntries(
            Map.entry("ladder_evidence_once", new Meaning("DUPLICATE_EVIDENCE", "reference",
                    "该人员已登记此凭证 / this evidence is already recorded for the person")),
            Map.entry("ladder_course_code_key", new Meaning("DUPLICATE_COURSE", "code",
                    "该单位已有此课程编号 / the organization already has a course with this code")),
            Map.entry("ladder_attendance_once", new Meaning("DUPLICATE_ATTENDANCE", "personId",
                    "该人员已登记参加此课程 / the person's attendance is already recorded")),
            Map.entry("ladder_mentorship_once", new Meaning("DUPLICATE_MENTORSHIP", "apprenticeId",
                    "该师徒关系已登记 / this mentor–apprentice pair is already recorded")),
            Map.entry("ladder_nomination_once", new Meaning("DUPLICATE_NOMINATION", "personId",
                    "该人员当年已被推荐此层级 / the person is already nominated for this tier this year")),
            Map.entry("ladder_holding_open", new Meaning("TIER_ALREADY_HELD", "personId",
                    "该人员在此梯队已持有层级，同一时间只能持有一个 / the person already holds a tier of this ladder")),
            Map.entry("ladder_result_revision_key", new Meaning("DUPLICATE_RESULT", "eventRef",
                    "该成绩已登记 / this result is already recorded")),
            Map.entry("ladder_holding_person_fkey", new Meaning(null, "personId", "人员不存在 / unknown person")),
            Map.entry("ladder_result_person_fkey", new Meaning(null, "personId", "人员不存在 / unknown person")),
            Map.entry("ladder_evidence_person_fkey", new Meaning(null, "personId", "人员不存在 / unknown person")),
            Map.entry("ladder_attendance_person_fkey", new Meaning(null, "personId", "人员不存在 / unknown person")),
            Map.entry("ladder_nomination_person_fkey", new Meaning(null, "personId", "人员不存在 / unknown person")),
            Map.entry("ladder_mentor_fkey", new Meaning(null, "mentorId", "师傅不存在 / unknown mentor")),
            Map.entry("ladder_apprentice_fkey", new Meaning(null, "apprenticeId", "徒弟不存在 / unknown apprentice")),
            Map.entry("ladder_course_organization_fkey", new Meaning(null, "organizationId",
                    "单位不存在 / unknown organization")));

    private LadderConstraints() {
    }

    static Throwable translate(Throwable failure) {
        if (!(failure instanceof PgException pg) || pg.getConstraint() == null) {
            return Constraints.translate(failure);
        }
        Meaning meaning = MEANINGS.get(pg.getConstraint());
        if (meaning == null) {
            return Constraints.translate(failure);
        }
        if (UNIQUE_VIOLATION.equals(pg.getSqlState())) {
            return Problem.conflict(meaning.code(), meaning.message());
        }
        if (FOREIGN_KEY_VIOLATION.equals(pg.getSqlState())) {
            return Problem.unknownReference(meaning.field(), meaning.message());
        }
        return failure;
    }
}
