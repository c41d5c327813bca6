package io.jiangxin.storage.ladder;

import static io.jiangxin.storage.ladder.LadderSql.ids;
import static io.jiangxin.storage.ladder.LadderSql.select;

import io.jiangxin.storage.Constraints;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Evidence recorded for the ladder: training hours and assessments, innovation, services, honours, certificates. */
public final class EvidenceStore {

    public record EvidenceRow(long id, long personId, String kind, String reference, String qualifier, String title,
                              String level, String grade, BigDecimal hours, LocalDate effectiveOn,
                              LocalDate recordedOn) {
    }

    public Future<EvidenceRow> insertEvidence(SqlClient client, EvidenceRow e, Long recordedBy) {
        return client.preparedQuery("insert into ladder_evidence (person_id, kind, reference, qualifier, title, level,"
                        + " grade, hours, effective_on, recorded_on, recorded_by) values ($1, $2, $3, $4, $5, $6, $7, $8,"
                        + " $9, $10, $11) returning *")
                .execute(Tuple.from(new Object[] {e.personId(), e.kind(), e.reference(), e.qualifier(), e.title(),
                        e.level(), e.grade(), e.hours(), e.effectiveOn(), e.recordedOn(), recordedBy}))
                .map(rows -> evidence(rows.iterator().next()))
                .recover(x -> Future.failedFuture(Constraints.translate(x)));
    }

    public Future<List<EvidenceRow>> evidence(SqlClient client, Collection<Long> personIds) {
        return select(client, "select * from ladder_evidence where person_id = any($1::bigint[]) order by id",
                Tuple.of(ids(personIds)), EvidenceStore::evidence);
    }

    private static EvidenceRow evidence(Row row) {
        return new EvidenceRow(row.getLong("id"), row.getLong("person_id"), row.getString("kind"),
                row.getString("reference"), row.getString("qualifier"), row.getString("title"), row.getString("level"),
                row.getString("grade"), row.getBigDecimal("hours"), row.getLocalDate("effective_on"),
                row.getLocalDate("recorded_on"));
    }
}
