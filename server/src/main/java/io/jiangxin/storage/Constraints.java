package io.jiangxin.storage;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.vertx.pgclient.PgException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns PostgreSQL constraint violations into the client's error: 409 for a duplicate, 404 for an unknown id.
 * Every unique index of the schema (primary keys included) has a meaning here, in {@link LadderConstraints} or in
 * {@link ServiceConstraints};
 * {@code UniqueConstraintsIT} walks the migrated schema and fails for an index without one. A unique violation
 * that still finds no meaning is a 409 with a general reason, never a 500.
 */
public final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    record Meaning(ErrorCode code, String field, String message) {
        /** An identity key: the database makes these, so a clash is another writer's race, not the client's input. */
        static Meaning id() {
            return new Meaning(ErrorCode.DUPLICATE_ID, "id", "记录编号已存在，请重试 / a record with this id exists; retry");
        }

        /** For the tables' static import: {@code meaning(code, field, message)} reads as the entry it makes. */
        static Meaning meaning(ErrorCode code, String field, String message) {
            return new Meaning(code, field, message);
        }
    }

    private static final Map<String, Meaning> MEANINGS = withIdentityKeys(Map.ofEntries(
            Map.entry("organization_name_key", new Meaning(ErrorCode.DUPLICATE_ORGANIZATION, "name",
                    "单位名称已存在 / an organization with this name exists")),
            Map.entry("organization_credit_code_key", new Meaning(ErrorCode.DUPLICATE_ORGANIZATION, "creditCode",
                    "统一社会信用代码已存在 / an organization with this credit code exists")),
            Map.entry("person_organization_id_employee_no_key", new Meaning(ErrorCode.DUPLICATE_PERSON, "employeeNo",
                    "该单位已有此工号 / this employee number exists in the organization")),
            Map.entry("person_id_number_key", new Meaning(ErrorCode.DUPLICATE_PERSON, "idNumber",
                    "身份证号已登记 / a person with this identity number exists")),
            Map.entry("contest_organizer_name_year_key", new Meaning(ErrorCode.DUPLICATE_CONTEST, "name",
                    "该主办方当年已有同名竞赛 / the organizer already has a contest of this name this year")),
            Map.entry("event_contest_id_name_key", new Meaning(ErrorCode.DUPLICATE_EVENT, "name",
                    "该竞赛已有同名赛项 / the contest already has an event of this name")),
            Map.entry("team_organization_id_name_key", new Meaning(ErrorCode.DUPLICATE_TEAM, "name",
                    "该单位已有同名团队 / the organization already has a team of this name")),
            Map.entry("registration_event_id_entry_code_key", new Meaning(ErrorCode.DUPLICATE_ENTRY_CODE, "entryCode",
                    "参赛号已被占用 / the entry code is taken in this event")),
            Map.entry("registration_person_once", new Meaning(ErrorCode.DUPLICATE_REGISTRATION, "personId",
                    "该选手已报名此赛项 / this person is already registered in this event")),
            Map.entry("registration_team_once", new Meaning(ErrorCode.DUPLICATE_REGISTRATION, "teamId",
                    "该团队已报名此赛项 / this team is already registered in this event")),
            Map.entry("team_member_pkey", new Meaning(ErrorCode.DUPLICATE_TEAM_MEMBER, "memberIds",
                    "该人员已是团队成员 / the person is already a member of this team")),
            Map.entry("account_code_hash_key", new Meaning(ErrorCode.DUPLICATE_SIGN_IN_CODE, "code",
                    "登录码重复，请重试 / the sign-in code is taken; retry")),
            Map.entry("account_judge_once", new Meaning(ErrorCode.DUPLICATE_JUDGE, "personId",
                    "该人员在此竞赛已有裁判或仲裁账号 / this person already has a judge or arbiter account in this contest")),
            Map.entry("account_competitor_once", new Meaning(ErrorCode.DUPLICATE_WORKER_ACCOUNT, "personId",
                    "该人员已有选手账号 / this person already has a worker account")),
            Map.entry("session_pkey", new Meaning(ErrorCode.DUPLICATE_SESSION, null,
                    "会话已存在，请重新登录 / this session exists; sign in again")),
            Map.entry("panel_member_pkey", new Meaning(ErrorCode.DUPLICATE_PANEL_MEMBER, "accountId",
                    "该裁判已在此赛项裁判组中 / the judge is already on this event's panel")),
            Map.entry("conflict_pkey", new Meaning(ErrorCode.DUPLICATE_CONFLICT, "registrationId",
                    "该回避关系已登记 / this conflict of interest is already recorded")),
            Map.entry("event_chain_pkey", new Meaning(ErrorCode.LOG_EXISTS, "eventId",
                    "该赛项的评分日志已存在 / this event's score log already exists")),
            Map.entry("score_event_pkey", new Meaning(ErrorCode.CONCURRENT_WRITE, null,
                    "评分日志位置已被另一写入占用，请重试 / another write took this log position; retry")),
            Map.entry("sheet_state_pkey", new Meaning(ErrorCode.DUPLICATE_SHEET, "entryCode",
                    "该评分表已存在 / this sheet already exists")),
            Map.entry("idempotency_pkey", new Meaning(ErrorCode.IDEMPOTENCY_KEY_IN_USE, "Idempotency-Key",
                    "该 Idempotency-Key 正被另一请求使用 / this Idempotency-Key is in use by another request")),
            Map.entry("draw_event_id_kind_key", new Meaning(ErrorCode.DUPLICATE_DRAW, "kind",
                    "该赛项已进行过此类抽签 / this event already has a draw of this kind")),
            Map.entry("publication_current", new Meaning(ErrorCode.ALREADY_PUBLISHED, "eventId",
                    "该赛项成绩已在公示中 / this event's results are already published")),
            Map.entry("certificate_code_key", new Meaning(ErrorCode.DUPLICATE_CERTIFICATE_CODE, null,
                    "证书编码重复，请重试 / the certificate code is taken; retry")),
            Map.entry("certificate_valid_once", new Meaning(ErrorCode.DUPLICATE_CERTIFICATE, "registrationId",
                    "该参赛者已有有效证书 / this entry already has a valid certificate")),
            Map.entry("certificate_template_pkey", new Meaning(ErrorCode.DUPLICATE_TEMPLATE, "contestId",
                    "该竞赛已有证书模板 / this contest already has a certificate template")),
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
            Map.entry("judge_person_id_fkey", new Meaning(null, "personId", "人员不存在 / unknown person")),
            // -- innovation contests (V20–V22) --
            Map.entry("review_run_one_assign", new Meaning(ErrorCode.ALREADY_ASSIGNED, "eventId",
                    "该赛项已分配评审，请用重新分配 / this event's entries are already assigned; reassign instead")),
            Map.entry("review_assignment_pkey", new Meaning(ErrorCode.DUPLICATE_ASSIGNMENT, "accountId",
                    "该评委已分配到此作品 / the judge is already assigned this entry")),
            Map.entry("innovation_entry_pkey", new Meaning(ErrorCode.DUPLICATE_ENTRY, "registrationId",
                    "该报名已有作品内容 / the registration already has its entry")),
            // -- innovation rounds (V50–V59) --
            Map.entry("round_total_pkey", new Meaning(ErrorCode.DUPLICATE_ROUND_TOTAL, "roundId",
                    "该作品已有此轮成绩 / the entry already has a total for this round"))),
            // every other unique index of V1–V9, V20–V22 and V40–V41: identity keys (hardening: conflicts as conflicts)
            "organization_pkey", "person_pkey", "contest_pkey", "event_pkey", "team_pkey", "registration_pkey",
            "account_pkey", "appeal_pkey", "draw_pkey", "publication_pkey", "certificate_pkey", "review_run_pkey",
            "entry_attachment_pkey", "entry_audit_pkey", "advancement_pkey", "personal_data_action_pkey");

    private Constraints() {
    }

    /** A table's meanings with its identity keys added, each {@link Meaning#id()}; a name given twice is refused. */
    static Map<String, Meaning> withIdentityKeys(Map<String, Meaning> meanings, String... identityKeys) {
        Map<String, Meaning> all = new HashMap<>(meanings);
        for (String key : identityKeys) {
            if (all.put(key, Meaning.id()) != null) {
                throw new IllegalArgumentException("two meanings for " + key);
            }
        }
        return Map.copyOf(all);
    }

    /** The meaning of a constraint or unique index, the registry's, ladder's or service platform's; null if none. */
    static Meaning meaningOf(String constraint) {
        Meaning meaning = MEANINGS.get(constraint);
        if (meaning == null) {
            meaning = LadderConstraints.MEANINGS.get(constraint);
        }
        return meaning != null ? meaning : ServiceConstraints.MEANINGS.get(constraint);
    }

    /**
     * Maps a known violation to a {@link Problem}: a duplicate is a 409 with its reason, an unknown reference a
     * 404; any other unique violation a general 409. Anything else passes through unchanged.
     */
    public static Throwable translate(Throwable failure) {
        if (!(failure instanceof PgException pg)) {
            return failure;
        }
        Meaning meaning = pg.getConstraint() == null ? null : meaningOf(pg.getConstraint());
        if (meaning == null) {
            if (UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return new Problem(ErrorCode.DUPLICATE, "记录已存在 / a record with the same key exists");
            }
            if (FOREIGN_KEY_VIOLATION.equals(pg.getSqlState())) {
                // "is still referenced" on a delete, "is not present" on an insert or update
                return pg.getDetail() != null && pg.getDetail().contains("still referenced")
                        ? new Problem(ErrorCode.STILL_REFERENCED, "该记录仍被引用 / the record is still referenced")
                        : new Problem(ErrorCode.UNKNOWN_REFERENCE, "引用的记录不存在 / a referenced record does not exist");
            }
            return failure;
        }
        if (UNIQUE_VIOLATION.equals(pg.getSqlState())) {
            return new Problem(meaning.code(), meaning.message());
        }
        if (FOREIGN_KEY_VIOLATION.equals(pg.getSqlState())) {
            return Problem.unknownReference(meaning.field(), meaning.message());
        }
        return failure;
    }
}
