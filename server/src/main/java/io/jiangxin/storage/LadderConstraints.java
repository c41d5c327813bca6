package io.jiangxin.storage;

import static io.jiangxin.storage.Constraints.Meaning.meaning;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.storage.Constraints.Meaning;
import java.util.Map;

/** The ladder tables' constraint names, as {@link Constraints} does for the registry: 409 duplicates, 404 unknown ids. */
final class LadderConstraints {

    static final Map<String, Meaning> MEANINGS = Constraints.withIdentityKeys(Map.ofEntries(
            Map.entry("ladder_evidence_once", meaning(ErrorCode.DUPLICATE_EVIDENCE, "reference",
                    "该人员已登记此凭证 / this evidence is already recorded for the person")),
            Map.entry("ladder_course_code_key", meaning(ErrorCode.DUPLICATE_COURSE, "code",
                    "该单位已有此课程编号 / the organization already has a course with this code")),
            Map.entry("ladder_attendance_once", meaning(ErrorCode.DUPLICATE_ATTENDANCE, "personId",
                    "该人员已登记参加此课程 / the person's attendance is already recorded")),
            Map.entry("ladder_mentorship_once", meaning(ErrorCode.DUPLICATE_MENTORSHIP, "apprenticeId",
                    "该师徒关系已登记 / this mentor–apprentice pair is already recorded")),
            Map.entry("ladder_nomination_once", meaning(ErrorCode.DUPLICATE_NOMINATION, "personId",
                    "该人员当年已被推荐此层级 / the person is already nominated for this tier this year")),
            Map.entry("ladder_holding_open", meaning(ErrorCode.TIER_ALREADY_HELD, "personId",
                    "该人员在此梯队已持有层级，同一时间只能持有一个 / the person already holds a tier of this ladder")),
            Map.entry("ladder_result_revision_key", meaning(ErrorCode.DUPLICATE_RESULT, "eventRef",
                    "该成绩已登记 / this result is already recorded")),
            Map.entry("ladder_config_code_version_key", meaning(ErrorCode.DUPLICATE_CONFIG_VERSION, "version",
                    "该配置版本已存在 / this configuration version exists")),
            Map.entry("ladder_pkey", meaning(ErrorCode.DUPLICATE_LADDER, "ladderId", "该梯队已存在 / a ladder with this id exists")),
            Map.entry("ladder_ledger_source_key", meaning(ErrorCode.DUPLICATE_LEDGER_ENTRY, "sourceKey",
                    "该积分已入账 / these points are already posted")),
            Map.entry("ladder_event_posting_pkey", meaning(ErrorCode.ALREADY_POSTED, "eventId",
                    "该赛项成绩已计入积分 / this event's results are already posted")),
            Map.entry("ladder_decision_pkey", meaning(ErrorCode.CONCURRENT_DECISION, null,
                    "另一决定已先记录，请刷新后重试 / another decision was recorded first; reload and retry")),
            Map.entry("ladder_objection_pkey", meaning(ErrorCode.DUPLICATE_OBJECTION, "objectionId",
                    "该异议已登记 / this objection is already recorded")),
            Map.entry("ladder_quota_year_pkey", meaning(ErrorCode.DUPLICATE_QUOTA_YEAR, "year",
                    "该层级当年名额已设置 / the tier's quota for this year is already set")),
            Map.entry("ladder_quota_claim_pkey", meaning(ErrorCode.DUPLICATE_QUOTA_CLAIM, "personId",
                    "该人员当年已占用此层级名额 / the person already holds this tier's quota slot this year")),
            Map.entry("ladder_assessment_once", meaning(ErrorCode.DUPLICATE_ASSESSMENT, "eventKey",
                    "该培训考核已登记 / this assessment is already recorded")),
            Map.entry("ladder_holding_person_fkey", meaning(null, "personId", "人员不存在 / unknown person")),
            Map.entry("ladder_result_person_fkey", meaning(null, "personId", "人员不存在 / unknown person")),
            Map.entry("ladder_evidence_person_fkey", meaning(null, "personId", "人员不存在 / unknown person")),
            Map.entry("ladder_attendance_person_fkey", meaning(null, "personId", "人员不存在 / unknown person")),
            Map.entry("ladder_nomination_person_fkey", meaning(null, "personId", "人员不存在 / unknown person")),
            Map.entry("ladder_mentor_fkey", meaning(null, "mentorId", "师傅不存在 / unknown mentor")),
            Map.entry("ladder_apprentice_fkey", meaning(null, "apprenticeId", "徒弟不存在 / unknown apprentice")),
            Map.entry("ladder_course_organization_fkey", meaning(null, "organizationId",
                    "单位不存在 / unknown organization"))),
            // every other unique index of V4–V5: identity keys (hardening: conflicts as conflicts)
            "ladder_config_pkey", "ladder_tier_holding_pkey", "ladder_result_pkey", "ladder_evidence_pkey",
            "ladder_ledger_pkey", "ladder_course_pkey", "ladder_mentorship_pkey", "ladder_progress_pkey",
            "ladder_nomination_pkey", "ladder_assessment_pkey");

    private LadderConstraints() {
    }
}
