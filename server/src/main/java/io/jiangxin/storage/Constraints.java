package io.jiangxin.storage;

import io.jiangxin.app.Problem;
import io.vertx.pgclient.PgException;
import java.util.Map;

/** Turns PostgreSQL constraint violations into the client's error: 409 for a duplicate, 404 for an unknown id. */
final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private record Meaning(String code, String field, String message) {
    }

    private static final Map<String, Meaning> MEANINGS = Map.ofEntries(
            Map.entry("organization_name_key", new Meaning("DUPLICATE_ORGANIZATION", "name",
                    "单位名称已存在 / an organization with this name exists")),
            Map.entry("organization_credit_code_key", new Meaning("DUPLICATE_ORGANIZATION", "creditCode",
                    "统一社会信用代码已存在 / an organization with this credit code exists")),
            Map.entry("person_organization_id_employee_no_key", new Meaning("DUPLICATE_PERSON", "employeeNo",
                    "该单位已有此工号 / this employee number exists in the organization")),
            Map.entry("person_id_number_key", new Meaning("DUPLICATE_PERSON", "idNumber",
                    "身份证号已登记 / a person with this identity number exists")),
            Map.entry("contest_organizer_name_year_key", new Meaning("DUPLICATE_CONTEST", "name",
                    "该主办方当年已有同名竞赛 / the organizer already has a contest of this name this year")),
            Map.entry("event_contest_id_name_key", new Meaning("DUPLICATE_EVENT", "name",
                    "该竞赛已有同名赛项 / the contest already has an event of this name")),
            Map.entry("team_organization_id_name_key", new Meaning("DUPLICATE_TEAM", "name",
                    "该单位已有同名团队 / the organization already has a team of this name")),
            Map.entry("registration_event_id_entry_code_key", new Meaning("DUPLICATE_ENTRY_CODE", "entryCode",
                    "参赛号已被占用 / the entry code is taken in this event")),
            Map.entry("registration_person_once", new Meaning("DUPLICATE_REGISTRATION", "personId",
                    "该选手已报名此赛项 / this person is already registered in this event")),
            Map.entry("registration_team_once", new Meaning("DUPLICATE_REGISTRATION", "teamId",
                    "该团队已报名此赛项 / this team is already registered in this event")),
            Map.entry("person_organization_id_fkey", new Meaning(null, "organizationId",
                    "单位不存在 / unknown organization")),
            Map.entry("team_organization_id_fkey", new Meaning(null, "organizationId",
                    "单位不存在 / unknown organization")),
            Map.entry("team_member_person_id_fkey", new Meaning(null, "memberIds",
                    "团队成员不存在 / unknown member")),
            Map.entry("event_contest_id_fkey", new Meaning(null, "contestId", "竞赛不存在 / unknown contest")),
            Map.entry("registration_event_id_fkey", new Meaning(null, "eventId", "赛项不存在 / unknown event")),
            Map.entry("registration_person_id_fkey", new Meaning(null, "personId", "人员不存在 / unknown person")),
            Map.entry("registration_team_id_fkey", new Meaning(null, "teamId", "团队不存在 / unknown team")),
            Map.entry("judge_person_id_fkey", new Meaning(null, "personId", "人员不存在 / unknown person")));

    private Constraints() {
    }

    /** Maps a known violation to a {@link Problem}; anything else passes through unchanged. */
    static Throwable translate(Throwable failure) {
        if (!(failure instanceof PgException pg) || pg.getConstraint() == null) {
            return failure;
        }
        Meaning meaning = MEANINGS.get(pg.getConstraint());
        if (meaning == null) {
            return failure;
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
