package io.jiangxin.storage.ladder;

import static io.jiangxin.storage.ladder.LadderSql.select;

import io.jiangxin.problem.Problem;
import io.jiangxin.storage.Constraints;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Training courses and who attended them, with their hours and assessment. */
public final class CourseStore {

    public record CourseRow(long id, long organizationId, String code, String name, BigDecimal hours,
                            LocalDate heldOn) {
    }

    public record AttendanceRow(long courseId, String courseCode, String courseName, long personId,
                                BigDecimal hours, String assessment, LocalDate heldOn) {
    }

    private static final String ATTENDANCE = "select a.course_id, c.code, c.name, a.person_id, a.hours, a.assessment,"
            + " c.held_on from ladder_attendance a join ladder_course c on c.id = a.course_id";

    public Future<CourseRow> insertCourse(SqlClient client, long organizationId, String code, String name,
                                          BigDecimal hours, LocalDate heldOn) {
        return client.preparedQuery("insert into ladder_course (organization_id, code, name, hours, held_on)"
                        + " values ($1, $2, $3, $4, $5) returning *")
                .execute(Tuple.of(organizationId, code, name, hours, heldOn))
                .map(rows -> course(rows.iterator().next()))
                .recover(e -> Future.failedFuture(Constraints.translate(e)));
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
        return select(client, "select * from ladder_course where ($1::bigint is null or organization_id = $1)"
                        + " order by held_on, id",
                Tuple.of(organizationId), CourseStore::course);
    }

    public Future<Void> insertAttendance(SqlClient client, long courseId, long personId, BigDecimal hours,
                                         String assessment) {
        return client.preparedQuery("insert into ladder_attendance (course_id, person_id, hours, assessment)"
                        + " values ($1, $2, $3, $4)")
                .execute(Tuple.of(courseId, personId, hours, assessment)).<Void>mapEmpty()
                .recover(e -> Future.failedFuture(Constraints.translate(e)));
    }

    public Future<List<AttendanceRow>> attendanceOf(SqlClient client, long personId) {
        return select(client, ATTENDANCE + " where a.person_id = $1 order by c.held_on, c.id",
                Tuple.of(personId), CourseStore::attendance);
    }

    public Future<List<AttendanceRow>> attendanceOfCourse(SqlClient client, long courseId) {
        return select(client, ATTENDANCE + " where a.course_id = $1 order by a.person_id",
                Tuple.of(courseId), CourseStore::attendance);
    }

    private static CourseRow course(Row row) {
        return new CourseRow(row.getLong("id"), row.getLong("organization_id"), row.getString("code"),
                row.getString("name"), row.getBigDecimal("hours"), row.getLocalDate("held_on"));
    }

    private static AttendanceRow attendance(Row r) {
        return new AttendanceRow(r.getLong("course_id"), r.getString("code"), r.getString("name"),
                r.getLong("person_id"), r.getBigDecimal("hours"), r.getString("assessment"), r.getLocalDate("held_on"));
    }
}
