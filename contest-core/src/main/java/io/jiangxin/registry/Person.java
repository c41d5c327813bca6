package io.jiangxin.registry;

/** A worker. The 身份证号 is kept for eligibility (age limits) and never shown in full. */
public record Person(long id, String name, String employeeNo, long organizationId, String trade,
                     SkillGrade skillGrade, String idNumber) {

    public record Draft(String name, String employeeNo, long organizationId, String trade,
                        SkillGrade skillGrade, String idNumber) {
    }
}
