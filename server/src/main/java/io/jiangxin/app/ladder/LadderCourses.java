package io.jiangxin.app.ladder;

import io.jiangxin.auth.Principal;
import io.jiangxin.problem.Problem;
import io.jiangxin.registry.FieldError;
import io.jiangxin.storage.ladder.EvidenceStore.EvidenceRow;
import io.jiangxin.storage.ladder.LadderStores;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Training: an organization's courses, and attendance that becomes training evidence priced at once. */
public record LadderCourses(LadderStores stores, LadderReconciliation reconciliation, Clock clock) {

    public Future<JsonObject> createCourse(long organizationId, String code, String name, BigDecimal hours,
                                           LocalDate heldOn) {
        return stores.people().organizationName(stores.pool(), organizationId)
                .compose(n -> stores.courses().insertCourse(stores.pool(), organizationId, code, name, hours, heldOn))
                .map(LadderViews::course);
    }

    public Future<JsonObject> courses(Long organizationId) {
        return stores.courses().courses(stores.pool(), organizationId).map(list -> {
            JsonArray items = new JsonArray();
            list.forEach(c -> items.add(LadderViews.course(c)));
            return new JsonObject().put("items", items);
        });
    }

    /** Attendance with its hours, and the assessment if any; both become evidence and are priced at once. */
    public Future<JsonObject> attend(Principal who, long courseId, long personId, BigDecimal hours, String assessment) {
        return stores.courses().course(stores.pool(), courseId).compose(course -> {
            if (hours.compareTo(course.hours()) > 0) {
                throw Problem.invalid(List.of(new FieldError("hours", "不能超过课程学时 " + course.hours().stripTrailingZeros()
                        .toPlainString() + " / at most the course's " + course.hours().stripTrailingZeros().toPlainString()
                        + " hours")));
            }
            String reference = "course-" + course.id();
            LocalDate today = LadderCalendar.today(clock);
            return stores.pool().withTransaction(conn -> stores.people().person(conn, personId)
                    .compose(p -> stores.courses().insertAttendance(conn, courseId, personId, hours, assessment))
                    .compose(v -> stores.evidence().insertEvidence(conn, new EvidenceRow(0, personId, "TRAINING_HOURS",
                            reference, "", course.name(), null, null, hours, course.heldOn(), today), who.accountId()))
                    .compose(v -> assessment == null ? Future.succeededFuture()
                            : stores.evidence().insertEvidence(conn, new EvidenceRow(0, personId, "TRAINING_ASSESSMENT",
                            reference, assessment, course.name(), null, null, null, course.heldOn(), today),
                            who.accountId()).mapEmpty()))
                    .compose(v -> reconciliation.reconcileAll(List.of(personId)))
                    .map(posted -> new JsonObject().put("courseId", courseId).put("personId", personId)
                            .put("hours", hours.stripTrailingZeros().toPlainString()).put("assessment", assessment)
                            .put("posted", posted));
        });
    }

    public Future<JsonObject> courseView(long courseId) {
        return stores.courses().course(stores.pool(), courseId).compose(c -> stores.courses()
                .attendanceOfCourse(stores.pool(), courseId).map(list -> {
                    JsonArray items = new JsonArray();
                    list.forEach(a -> items.add(LadderViews.attendance(a)));
                    return LadderViews.course(c).put("attendance", items);
                }));
    }
}
