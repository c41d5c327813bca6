package io.jiangxin.storage;

import io.jiangxin.problem.Problem;
import io.jiangxin.certificates.Certificate;
import io.jiangxin.certificates.CertificatePlan;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Award certificates as issued, their revocations, and contests' own certificate templates. */
public final class CertificateStore {

    static final String WHAT = "证书 / certificate";
    /**
     * Whether the certificate's award is a pass band of the event's scheme (as SchemeWriter stores it). Read from the
     * scheme rather than stored: a scheme cannot change once the event has score records, so it says what it said
     * when the certificate was issued.
     */
    private static final String PASS_BAND = "coalesce((select bool_or(band->>'passed' = 'true')"
            + " from jsonb_array_elements(e.scheme->'awards') band where band->>'code' = c.award_code), false)"
            + " as pass_band";
    private static final String COLUMNS = "c.id, c.code, c.event_id, e.contest_id, c.registration_id, c.team_name,"
            + " c.names, c.enterprise, c.award_code, c.award_name_zh, c.award_name_en, c.contest_name, c.event_name,"
            + " c.rank, c.issued_on, c.result_version, c.issued_by, c.issued_at, c.revoked_at, c.revoked_reason,"
            + " c.log_seq, c.log_hash, " + PASS_BAND;
    private static final String FROM = " from certificate c join event e on e.id = c.event_id";

    /** A stored certificate with its issue and revocation. */
    public record Stored(long id, long eventId, long contestId, long registrationId, Certificate content,
                         long resultVersion, long issuedBy, OffsetDateTime issuedAt, OffsetDateTime revokedAt,
                         String revokedReason) {
        public boolean valid() {
            return revokedAt == null;
        }
    }

    /** The event's contest; 404 for an unknown event. */
    public Future<Long> contestOf(SqlClient client, long eventId) {
        return client.preparedQuery("select contest_id from event where id = $1").execute(Tuple.of(eventId))
                .map(Rows.single(EventStore.WHAT, eventId, r -> r.getLong("contest_id")));
    }

    /** Issues of one event are serialised, so two organizers issuing at once cannot both issue a line. */
    public Future<Void> lockEvent(SqlConnection conn, long eventId) {
        return conn.preparedQuery("select pg_advisory_xact_lock(hashtextextended('certificates/' || $1::bigint, 0))")
                .execute(Tuple.of(eventId)).mapEmpty();
    }

    public Future<List<CertificatePlan.Issued>> valid(SqlConnection conn, long eventId) {
        return conn.preparedQuery("select " + COLUMNS + FROM + " where c.event_id = $1 and c.revoked_at is null"
                        + " order by c.id")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    List<CertificatePlan.Issued> issued = new ArrayList<>();
                    rows.forEach(r -> issued.add(new CertificatePlan.Issued(r.getLong("id"),
                            r.getLong("registration_id"), content(r))));
                    return issued;
                });
    }

    public Future<Void> revoke(SqlConnection conn, List<CertificatePlan.Revocation> revocations) {
        if (revocations.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> batch = revocations.stream()
                .map(r -> Tuple.of(r.certificate().id(), r.reason())).toList();
        return conn.preparedQuery("update certificate set revoked_at = now(), revoked_reason = $2"
                        + " where id = $1 and revoked_at is null")
                .executeBatch(batch).mapEmpty();
    }

    /** Inserts new certificates; each carries its own code. */
    public Future<Void> insert(SqlConnection conn, long eventId, List<CertificatePlan.Wanted> lines,
                               long resultVersion, long issuedBy) {
        if (lines.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> batch = new ArrayList<>();
        for (CertificatePlan.Wanted line : lines) {
            Certificate c = line.content();
            batch.add(Tuple.tuple().addString(c.code()).addLong(eventId).addLong(line.registrationId())
                    .addString(c.teamName()).addValue(c.names().toArray(String[]::new)).addString(c.enterprise())
                    .addString(c.awardCode()).addString(c.awardZh()).addString(c.awardEn()).addString(c.contest())
                    .addString(c.event()).addInteger(c.rank()).addLocalDate(c.issuedOn()).addLong(resultVersion)
                    .addLong(issuedBy).addLong(c.logSeq()).addString(c.logHash()));
        }
        return conn.preparedQuery("insert into certificate (code, event_id, registration_id, team_name, names,"
                        + " enterprise, award_code, award_name_zh, award_name_en, contest_name, event_name, rank,"
                        + " issued_on, result_version, issued_by, log_seq, log_hash)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)")
                .executeBatch(batch)
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .mapEmpty();
    }

    /** Every certificate of the event, revoked ones too, in issue order. */
    public Future<List<Stored>> list(SqlClient client, long eventId) {
        return client.preparedQuery("select " + COLUMNS + FROM + " where c.event_id = $1 order by c.id")
                .execute(Tuple.of(eventId))
                .map(Rows.each(CertificateStore::map));
    }

    public Future<Stored> byCode(SqlClient client, String code) {
        return client.preparedQuery("select " + COLUMNS + FROM + " where c.code = $1")
                .execute(Tuple.of(code))
                .map(Rows.single(WHAT, code, CertificateStore::map));
    }

    /** The contest's own template as stored; empty when it uses the default. 404 for an unknown contest. */
    public Future<Optional<String>> template(SqlClient client, long contestId) {
        return client.preparedQuery("select t.template::text as template from contest c"
                        + " left join certificate_template t on t.contest_id = c.id where c.id = $1")
                .execute(Tuple.of(contestId))
                .map(Rows.single(ContestStore.WHAT, contestId, r -> Optional.ofNullable(r.getString("template"))));
    }

    public Future<Void> putTemplate(SqlClient client, long contestId, JsonObject template, long updatedBy) {
        return client.preparedQuery("insert into certificate_template (contest_id, template, updated_by)"
                        + " select id, $2, $3 from contest where id = $1"
                        + " on conflict (contest_id) do update set template = excluded.template,"
                        + " updated_by = excluded.updated_by, updated_at = now()")
                .execute(Tuple.of(contestId, template, updatedBy))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw Problem.notFound(ContestStore.WHAT, contestId);
                    }
                    return null;
                });
    }

    private static Certificate content(Row r) {
        return new Certificate(r.getString("code"), r.getString("contest_name"), r.getString("event_name"),
                r.getString("award_code"), r.getString("award_name_zh"), r.getString("award_name_en"),
                r.getBoolean("pass_band"), r.getString("team_name"), Arrays.asList(r.getArrayOfStrings("names")), r.getString("enterprise"),
                r.getInteger("rank"), r.getLocalDate("issued_on"), r.getLong("log_seq"), r.getString("log_hash"));
    }

    private static Stored map(Row r) {
        return new Stored(r.getLong("id"), r.getLong("event_id"), r.getLong("contest_id"), r.getLong("registration_id"),
                content(r), r.getLong("result_version"), r.getLong("issued_by"), r.getOffsetDateTime("issued_at"),
                r.getOffsetDateTime("revoked_at"), r.getString("revoked_reason"));
    }
}
