package io.jiangxin.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Cross-field rules of the registry that no single field can check on its own. */
public final class RegistryRules {

    public static final int MAX_TEAM_SIZE = 20;

    private RegistryRules() {
    }

    public static List<FieldError> check(Contest.Draft contest) {
        List<FieldError> errors = new ArrayList<>();
        if (contest.contestClass() != null && !contest.level().isClassed()) {
            errors.add(new FieldError("contestClass",
                    "只有市级和省级竞赛分一类、二类 / only city and provincial contests have a class"));
        }
        return errors;
    }

    public static List<FieldError> check(Person.Draft person) {
        List<FieldError> errors = new ArrayList<>();
        if (person.idNumber() != null && !ChineseIdNumber.isValid(person.idNumber())) {
            errors.add(new FieldError("idNumber",
                    "身份证号格式或校验位错误 / not a valid 18-character resident identity number"));
        }
        return errors;
    }

    public static List<FieldError> check(Team.Draft team) {
        List<FieldError> errors = new ArrayList<>();
        if (team.memberIds().isEmpty() || team.memberIds().size() > MAX_TEAM_SIZE) {
            errors.add(new FieldError("memberIds",
                    "团队成员须为 1 至 " + MAX_TEAM_SIZE + " 人 / a team has 1 to " + MAX_TEAM_SIZE + " members"));
        }
        if (new HashSet<>(team.memberIds()).size() != team.memberIds().size()) {
            errors.add(new FieldError("memberIds", "团队成员重复 / a member is listed twice"));
        }
        return errors;
    }

    public static List<FieldError> check(Registration.Draft registration) {
        List<FieldError> errors = new ArrayList<>();
        if ((registration.personId() == null) == (registration.teamId() == null)) {
            errors.add(new FieldError("personId",
                    "personId 与 teamId 必须且只能填写一个 / give exactly one of personId and teamId"));
        }
        return errors;
    }
}
