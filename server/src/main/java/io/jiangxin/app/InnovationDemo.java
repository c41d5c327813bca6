package io.jiangxin.app;

import io.jiangxin.fixtures.DemoSeason;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The demo innovation contest's entries with their content: a title, kind, summary, patent numbers, benefit and a
 * one-page PDF proposal each, the submission window (closed), as an entrant would have submitted them. Idempotent:
 * entries that already have content are left alone.
 */
public final class InnovationDemo {

    private static final List<String> SUBJECTS = List.of("焊接夹具", "数控刀具", "装配工装", "检测量具", "输送线",
            "液压系统", "涂装工艺", "包装机构", "能耗监测", "质检流程");
    private static final List<String> CHANGES = List.of("快换改造", "精度提升", "自动化改进", "节能优化", "防错设计");
    private static final Entries.Kind[] KINDS = Entries.Kind.values();

    private final Pool pool;

    public InnovationDemo(Pool pool) {
        this.pool = pool;
    }

    /** @return how many entries got their content now */
    public Future<Integer> load() {
        return pool.withTransaction(conn -> conn.preparedQuery("select id from account where kind = 'ORGANIZER'"
                        + " order by id limit 1").execute()
                .compose(organizers -> {
                    if (organizers.size() == 0) {
                        return Future.succeededFuture(0);
                    }
                    long organizer = organizers.iterator().next().getLong("id");
                    return conn.preparedQuery("update event set submission_opens_at = '2026-10-08T08:00:00+08',"
                                    + " submission_closes_at = '2026-11-08T18:00:00+08' where contest_id ="
                                    + " (select id from contest where name = $1) and submission_opens_at is null")
                            .execute(Tuple.of(DemoSeason.INNOVATION_CONTEST))
                            .compose(done -> conn.preparedQuery("select r.id, r.entry_code, e.name from registration r"
                                    + " join event e on e.id = r.event_id join contest c on c.id = e.contest_id"
                                    + " left join innovation_entry i on i.registration_id = r.id"
                                    + " where c.name = $1 and i.registration_id is null order by r.id")
                                    .execute(Tuple.of(DemoSeason.INNOVATION_CONTEST)))
                            .compose(rows -> {
                                List<Row> missing = new ArrayList<>();
                                rows.forEach(missing::add);
                                Future<Void> chain = Future.succeededFuture();
                                for (Row row : missing) {
                                    chain = chain.compose(v -> fill(conn, row, organizer));
                                }
                                return chain.map(v -> missing.size());
                            });
                }));
    }

    private Future<Void> fill(io.vertx.sqlclient.SqlConnection conn, Row row, long organizer) {
        long id = row.getLong("id");
        int n = (int) (id % 50);
        String title = SUBJECTS.get(n % SUBJECTS.size()) + CHANGES.get((n / SUBJECTS.size()) % CHANGES.size());
        Entries.Kind kind = KINDS[(int) (id % KINDS.length)];
        String summary = row.getString("name") + "方向：针对" + SUBJECTS.get(n % SUBJECTS.size()) + "的"
                + CHANGES.get((n / SUBJECTS.size()) % CHANGES.size()) + "，换型与检测时间缩短约" + (20 + n % 40)
                + "%，已在本单位推广应用。";
        String[] patents = id % 3 == 0 ? new String[] {"ZL2025" + String.format("%07d", id) + ".1"} : new String[0];
        BigDecimal benefit = BigDecimal.valueOf(500 + (id * 37) % 9500, 2);
        byte[] pdf = proposal("Jiangxin demo proposal " + row.getString("entry_code") + " / entry " + id);
        return conn.preparedQuery("insert into innovation_entry (registration_id, title, kind, summary, patent_numbers,"
                        + " standard_numbers, benefit, updated_by) values ($1, $2, $3, $4, $5, '{}', $6, $7)"
                        + " on conflict do nothing")
                .execute(Tuple.tuple().addLong(id).addString(title).addString(kind.name()).addString(summary)
                        .addArrayOfString(patents).addBigDecimal(benefit).addLong(organizer))
                .compose(done -> conn.preparedQuery("insert into entry_attachment (registration_id, file_name,"
                                + " content_type, size_bytes, sha256, content, uploaded_by) values ($1, $2,"
                                + " 'application/pdf', $3, $4, $5, $6)")
                        .execute(Tuple.tuple().addLong(id).addString("成果材料.pdf").addInteger(pdf.length)
                                .addString(sha256(pdf)).addBuffer(Buffer.buffer(pdf)).addLong(organizer)))
                .mapEmpty();
    }

    /** A minimal one-page PDF (Helvetica, ASCII text) with a correct cross-reference table. */
    public static byte[] proposal(String text) {
        String stream = "BT /F1 18 Tf 72 720 Td (" + text.replace("(", "").replace(")", "") + ") Tj ET";
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
