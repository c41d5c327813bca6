package io.jiangxin.storage;

import io.jiangxin.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** 创新成果: an entry's content, its documents (bytea, read back in chunks) and the audit of every change. */
public final class EntryStore extends PooledStore {

    /** Whose entry it is and when it may be edited. {@code authorIds} are the registrant or the team's members. */
    public record Owner(long registrationId, long eventId, long contestId, String entryCode, String status,
                        List<Long> authorIds, List<Author> authors, OffsetDateTime opensAt, OffsetDateTime closesAt) {
    }

    /** An author as the organizer and the entrant see them; judges never do. */
    public record Author(String name, String organization) {
    }

    public record Content(String title, String kind, String summary, List<String> patentNumbers,
                          List<String> standardNumbers, BigDecimal benefit, String videoUrl, long updatedBy,
                          OffsetDateTime updatedAt) {
    }

    public record Attachment(long id, String fileName, String contentType, int size, String sha256,
                             OffsetDateTime uploadedAt) {
    }

    public EntryStore(Pool pool) {
        super(pool);
    }

    public Future<Owner> owner(SqlClient client, long registrationId) {
        return client.preparedQuery("select r.id, r.event_id, e.contest_id, r.entry_code, r.status,"
                        + " e.submission_opens_at, e.submission_closes_at,"
                        + " coalesce(array_agg(p.id order by p.name, p.id) filter (where p.id is not null), '{}') as ids,"
                        + " coalesce(array_agg(p.name order by p.name, p.id) filter (where p.id is not null), '{}') as names,"
                        + " coalesce(array_agg(o.name order by p.name, p.id) filter (where p.id is not null), '{}') as orgs"
                        + " from registration r join event e on e.id = r.event_id"
                        + " left join team_member tm on tm.team_id = r.team_id"
                        + " left join person p on p.id = coalesce(r.person_id, tm.person_id)"
                        + " left join team t on t.id = r.team_id"
                        + " left join organization o on o.id = coalesce(t.organization_id, p.organization_id)"
                        + " where r.id = $1 group by r.id, e.contest_id, e.submission_opens_at, e.submission_closes_at")
                .execute(Tuple.of(registrationId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound("报名 / registration", registrationId);
                    }
                    Row row = rows.iterator().next();
                    List<Long> ids = Arrays.asList(row.getArrayOfLongs("ids"));
                    String[] names = row.getArrayOfStrings("names");
                    String[] orgs = row.getArrayOfStrings("orgs");
                    List<Author> authors = new ArrayList<>();
                    for (int i = 0; i < names.length; i++) {
                        authors.add(new Author(names[i], orgs[i]));
                    }
                    return new Owner(row.getLong("id"), row.getLong("event_id"), row.getLong("contest_id"),
                            row.getString("entry_code"), row.getString("status"), ids, authors,
                            row.getOffsetDateTime("submission_opens_at"), row.getOffsetDateTime("submission_closes_at"));
                });
    }

    /** The entry's content, or null before anything was submitted. */
    public Future<Content> content(SqlClient client, long registrationId) {
        return client.preparedQuery("select title, kind, summary, patent_numbers, standard_numbers, benefit, video_url,"
                        + " updated_by, updated_at from innovation_entry where registration_id = $1")
                .execute(Tuple.of(registrationId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Content(row.getString("title"), row.getString("kind"), row.getString("summary"),
                            List.of(row.getArrayOfStrings("patent_numbers")),
                            List.of(row.getArrayOfStrings("standard_numbers")), row.getBigDecimal("benefit"),
                            row.getString("video_url"), row.getLong("updated_by"), row.getOffsetDateTime("updated_at"));
                });
    }

    public Future<Void> save(SqlConnection conn, long registrationId, Content c, long accountId) {
        return conn.preparedQuery("insert into innovation_entry (registration_id, title, kind, summary, patent_numbers,"
                        + " standard_numbers, benefit, video_url, updated_by, updated_at) values ($1, $2, $3, $4, $5, $6,"
                        + " $7, $8, $9, now()) on conflict (registration_id) do update set title = $2, kind = $3,"
                        + " summary = $4, patent_numbers = $5, standard_numbers = $6, benefit = $7, video_url = $8,"
                        + " updated_by = $9, updated_at = now()")
                .execute(Tuple.tuple().addLong(registrationId).addString(c.title()).addString(c.kind())
                        .addString(c.summary()).addArrayOfString(c.patentNumbers().toArray(String[]::new))
                        .addArrayOfString(c.standardNumbers().toArray(String[]::new)).addBigDecimal(c.benefit())
                        .addString(c.videoUrl()).addLong(accountId))
                .mapEmpty();
    }

    public Future<List<Attachment>> attachments(SqlClient client, long registrationId) {
        return client.preparedQuery("select id, file_name, content_type, size_bytes, sha256, uploaded_at"
                        + " from entry_attachment where registration_id = $1 order by id")
                .execute(Tuple.of(registrationId))
                .map(Rows.each(EntryStore::attachment));
    }

    public Future<Attachment> attachment(SqlClient client, long registrationId, long attachmentId) {
        return client.preparedQuery("select id, file_name, content_type, size_bytes, sha256, uploaded_at"
                        + " from entry_attachment where registration_id = $1 and id = $2")
                .execute(Tuple.of(registrationId, attachmentId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.notFound("附件 / attachment", attachmentId);
                    }
                    return attachment(rows.iterator().next());
                });
    }

    /** Locks the entry's registration row so that concurrent uploads count attachments one at a time. */
    public Future<Integer> lockAndCount(SqlConnection conn, long registrationId) {
        return conn.preparedQuery("select id from registration where id = $1 for update").execute(Tuple.of(registrationId))
                .compose(locked -> conn.preparedQuery("select count(*) as n from entry_attachment"
                        + " where registration_id = $1").execute(Tuple.of(registrationId)))
                .map(rows -> rows.iterator().next().getLong("n").intValue());
    }

    public Future<Long> insertAttachment(SqlConnection conn, long registrationId, String fileName, String contentType,
                                         Buffer content, String sha256, long accountId) {
        return conn.preparedQuery("insert into entry_attachment (registration_id, file_name, content_type, size_bytes,"
                        + " sha256, content, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7) returning id")
                .execute(Tuple.tuple().addLong(registrationId).addString(fileName).addString(contentType)
                        .addInteger(content.length()).addString(sha256).addBuffer(content).addLong(accountId))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    public Future<Boolean> deleteAttachment(SqlConnection conn, long registrationId, long attachmentId) {
        return conn.preparedQuery("delete from entry_attachment where registration_id = $1 and id = $2")
                .execute(Tuple.of(registrationId, attachmentId)).map(rows -> rows.rowCount() > 0);
    }

    /** Bytes {@code [offset, offset + length)} of a document, so a download never holds the whole file. */
    public Future<Buffer> chunk(long attachmentId, int offset, int length) {
        return Blobs.chunk(pool, "entry_attachment", attachmentId, offset, length);
    }

    public Future<Void> audit(SqlConnection conn, long registrationId, long accountId, String action, JsonObject detail) {
        return conn.preparedQuery("insert into entry_audit (registration_id, account_id, action, detail)"
                        + " values ($1, $2, $3, $4::text::jsonb)")
                .execute(Tuple.of(registrationId, accountId, action, detail.encode())).mapEmpty();
    }

    public Future<List<JsonObject>> auditTrail(SqlClient client, long registrationId) {
        return client.preparedQuery("select x.action, x.detail::text as detail, x.at, a.id as account_id, a.display_name,"
                        + " a.kind from entry_audit x join account a on a.id = x.account_id where x.registration_id = $1"
                        + " order by x.id")
                .execute(Tuple.of(registrationId))
                .map(Rows.each(row -> new JsonObject().put("action", row.getString("action"))
                        .put("detail", new JsonObject(row.getString("detail")))
                        .put("at", row.getOffsetDateTime("at").toInstant().toString())
                        .put("by", new JsonObject().put("accountId", row.getLong("account_id"))
                                .put("name", row.getString("display_name")).put("kind", row.getString("kind")))));
    }

    /** A person's innovation registrations (their own, or their team's), newest contest first. */
    public Future<List<JsonObject>> mine(long personId) {
        return pool.preparedQuery("select r.id, r.entry_code, e.id as event_id, e.name as event_name, c.name as contest,"
                        + " e.submission_opens_at, e.submission_closes_at, i.title from registration r"
                        + " join event e on e.id = r.event_id join contest c on c.id = e.contest_id"
                        + " left join innovation_entry i on i.registration_id = r.id"
                        + " where c.kind = 'INNOVATION' and (r.person_id = $1 or r.team_id in"
                        + " (select team_id from team_member where person_id = $1)) order by c.year desc, r.id")
                .execute(Tuple.of(personId))
                .map(rows -> {
                    List<JsonObject> list = new ArrayList<>();
                    rows.forEach(row -> {
                        OffsetDateTime opens = row.getOffsetDateTime("submission_opens_at");
                        OffsetDateTime closes = row.getOffsetDateTime("submission_closes_at");
                        list.add(new JsonObject().put("registrationId", row.getLong("id"))
                                .put("entryCode", row.getString("entry_code")).put("eventId", row.getLong("event_id"))
                                .put("event", row.getString("event_name")).put("contest", row.getString("contest"))
                                .put("title", row.getString("title"))
                                .put("opensAt", opens == null ? null : opens.toInstant().toString())
                                .put("closesAt", closes == null ? null : closes.toInstant().toString()));
                    });
                    return list;
                });
    }

    public Future<Void> setWindow(long eventId, OffsetDateTime opens, OffsetDateTime closes) {
        return pool.preparedQuery("update event set submission_opens_at = $2, submission_closes_at = $3 where id = $1")
                .execute(Tuple.of(eventId, opens, closes))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw Problem.notFound(EventStore.WHAT, eventId);
                    }
                    return null;
                });
    }

    private static Attachment attachment(Row row) {
        return new Attachment(row.getLong("id"), row.getString("file_name"), row.getString("content_type"),
                row.getInteger("size_bytes"), row.getString("sha256"), row.getOffsetDateTime("uploaded_at"));
    }
}
