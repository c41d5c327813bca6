package io.jiangxin.storage;

import static io.jiangxin.storage.ArrayInserts.batches;
import static io.jiangxin.storage.ArrayInserts.columns;
import static io.jiangxin.storage.ArrayInserts.texts;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.importing.RegistrationSheet;
import io.jiangxin.importing.RegistrationSheet.Column;
import io.jiangxin.importing.RegistrationSheet.Issue;
import io.jiangxin.importing.RegistrationSheet.Row;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a contest's registration sheet in one transaction, with array inserts as {@link SeasonLoader} does.
 * People are matched by their natural key (单位 + 工号) and registrations by (event, person), and every insert skips
 * what is already there, so importing the same file twice adds nothing the second time. People already stored keep
 * their stored details.
 */
public final class RegistrationImporter {

    static final int BATCH = SeasonLoader.BATCH;

    public enum Mode {
        /** Nothing is imported if any row is invalid. */
        ALL_OR_NOTHING,
        /** The valid rows are imported and the others reported. */
        VALID_ROWS
    }

    /**
     * What an import did: rows read, registrations added, rows already registered, people added, and the rows not
     * imported with their reasons. {@code applied} is false when nothing was written.
     */
    public record Report(Mode mode, int rows, int imported, int unchanged, int peopleAdded, int rejectedRows,
                         List<Issue> issues, boolean applied) {
    }

    /** Thrown (and so rolled back) when an all-or-nothing import meets an invalid row; carries the report. */
    public static final class Rejected extends RuntimeException {
        private final transient Report report;

        Rejected(Report report) {
            super("rejected", null, false, false);
            this.report = report;
        }

        public Report report() {
            return report;
        }
    }

    private final Pool pool;

    public RegistrationImporter(Pool pool) {
        this.pool = pool;
    }

    /** Fails with {@link Rejected} for an all-or-nothing import with invalid rows, else answers the report. */
    public Future<Report> run(long contestId, RegistrationSheet.Parsed sheet, Mode mode) {
        return pool.withTransaction(conn -> new Import(conn, contestId, sheet, mode).run());
    }

    private static final class Import {
        private final SqlConnection conn;
        private final long contestId;
        private final RegistrationSheet.Parsed sheet;
        private final Mode mode;
        private final List<Issue> issues;
        private final Map<String, Long> eventIds = new HashMap<>();
        private final Map<Long, Integer> nextEntryNo = new HashMap<>();
        private final Map<String, Long> organizationIds = new HashMap<>();
        private final Map<String, Long> personIds = new HashMap<>();
        private List<Row> rows;
        private int peopleAdded;
        private int imported;
        private int unchanged;

        Import(SqlConnection conn, long contestId, RegistrationSheet.Parsed sheet, Mode mode) {
            this.conn = conn;
            this.contestId = contestId;
            this.sheet = sheet;
            this.mode = mode;
            this.issues = new ArrayList<>(sheet.issues());
            this.rows = sheet.rows();
        }

        Future<Report> run() {
            return events()
                    .compose(v -> organizations())
                    .compose(v -> {
                        rows = rows.stream().filter(this::known).toList();
                        return checkpoint();
                    })
                    .compose(v -> people())
                    .compose(v -> checkpoint())
                    .compose(v -> registrations())
                    .map(v -> report(true));
        }

        /** Locks the contest's events, so that entry codes given meanwhile by hand cannot collide with ours. */
        private Future<Void> events() {
            return conn.preparedQuery("select id, name, next_entry_no from event where contest_id = $1 order by id"
                            + " for update")
                    .execute(Tuple.of(contestId))
                    .map(result -> {
                        result.forEach(row -> {
                            eventIds.put(row.getString("name"), row.getLong("id"));
                            nextEntryNo.put(row.getLong("id"), row.getInteger("next_entry_no"));
                        });
                        return null;
                    });
        }

        private Future<Void> organizations() {
            String[] names = rows.stream().map(Row::organization).distinct().toArray(String[]::new);
            return conn.preparedQuery("select id, name from organization where name = any($1::text[])")
                    .execute(columns(names))
                    .map(result -> {
                        result.forEach(row -> organizationIds.put(row.getString("name"), row.getLong("id")));
                        return null;
                    });
        }

        private boolean known(Row row) {
            boolean known = true;
            if (!eventIds.containsKey(row.event())) {
                issues.add(new Issue(row.number(), Column.EVENT.header(), "UNKNOWN_EVENT",
                        "本竞赛没有此赛项 / the contest has no such event"));
                known = false;
            }
            if (!organizationIds.containsKey(row.organization())) {
                issues.add(new Issue(row.number(), Column.ORGANIZATION.header(), "UNKNOWN_ORGANIZATION",
                        "单位未登记，请先添加单位 / no such enterprise in the registry; add it first"));
                known = false;
            }
            return known;
        }

        private Future<Void> checkpoint() {
            if (mode == Mode.ALL_OR_NOTHING && !issues.isEmpty()) {
                return Future.failedFuture(new Rejected(report(false)));
            }
            return Future.succeededFuture();
        }

        /** Adds the people not yet stored; a row whose ID number belongs to someone else stored is rejected. */
        private Future<Void> people() {
            Map<String, Row> distinct = new LinkedHashMap<>();
            rows.forEach(row -> distinct.putIfAbsent(row.personKey(), row));
            List<Row> people = new ArrayList<>(distinct.values());
            return batches(people, batch -> conn.preparedQuery("insert into person (name, employee_no,"
                                    + " organization_id, trade, skill_grade, id_number) select * from unnest($1::text[],"
                                    + " $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[]) on conflict do nothing")
                            .execute(columns(texts(batch, Row::name), texts(batch, Row::employeeNo),
                                    batch.stream().map(r -> organizationIds.get(r.organization())).toArray(Long[]::new),
                                    texts(batch, Row::trade),
                                    texts(batch, r -> r.skillGrade() == null ? null : r.skillGrade().name()),
                                    texts(batch, Row::idNumber)))
                            .map(result -> peopleAdded += result.rowCount()))
                    .compose(v -> batches(people, batch -> conn.preparedQuery("select p.id, p.organization_id,"
                                    + " p.employee_no from person p join unnest($1::bigint[], $2::text[]) as u(o, n)"
                                    + " on p.organization_id = u.o and p.employee_no = u.n")
                            .execute(columns(batch.stream().map(r -> organizationIds.get(r.organization()))
                                    .toArray(Long[]::new), texts(batch, Row::employeeNo)))
                            .map(result -> {
                                result.forEach(row -> personIds.put(row.getLong("organization_id") + "/"
                                        + row.getString("employee_no"), row.getLong("id")));
                                return null;
                            })))
                    .map(v -> {
                        rows = rows.stream().filter(row -> {
                            if (personId(row) != null) {
                                return true;
                            }
                            issues.add(new Issue(row.number(), Column.ID_NUMBER.header(), "ID_NUMBER_TAKEN",
                                    "身份证号已登记在另一人名下 / the ID number is already stored for another person"));
                            return false;
                        }).toList();
                        return null;
                    });
        }

        /** Registers whoever is not yet registered, with the event's next free entry codes (001, 002, ...). */
        private Future<Void> registrations() {
            if (rows.isEmpty()) {
                return Future.succeededFuture();
            }
            Long[] events = eventIds.values().toArray(new Long[0]);
            return conn.preparedQuery("select event_id, person_id, entry_code from registration"
                            + " where event_id = any($1::bigint[])")
                    .execute(columns(events))
                    .compose(result -> {
                        Set<String> registered = new HashSet<>();
                        Map<Long, Set<String>> codes = new HashMap<>();
                        result.forEach(row -> {
                            registered.add(row.getLong("event_id") + "/" + row.getLong("person_id"));
                            codes.computeIfAbsent(row.getLong("event_id"), e -> new HashSet<>())
                                    .add(row.getString("entry_code"));
                        });
                        List<Object[]> fresh = new ArrayList<>();
                        Map<Long, Integer> counters = new HashMap<>(nextEntryNo);
                        for (Row row : rows) {
                            long event = eventIds.get(row.event());
                            long person = personId(row);
                            if (!registered.add(event + "/" + person)) {
                                unchanged++;
                                continue;
                            }
                            Set<String> taken = codes.computeIfAbsent(event, e -> new HashSet<>());
                            int n = counters.get(event);
                            String code = String.format("%03d", n);
                            while (taken.contains(code)) {
                                code = String.format("%03d", ++n);
                            }
                            taken.add(code);
                            counters.put(event, n + 1);
                            fresh.add(new Object[] {event, person, code});
                        }
                        return batches(fresh, batch -> conn.preparedQuery("insert into registration (event_id,"
                                                + " person_id, entry_code) select * from unnest($1::bigint[], $2::bigint[],"
                                                + " $3::text[]) on conflict do nothing")
                                        .execute(columns(batch.stream().map(f -> (Long) f[0]).toArray(Long[]::new),
                                                batch.stream().map(f -> (Long) f[1]).toArray(Long[]::new),
                                                batch.stream().map(f -> (String) f[2]).toArray(String[]::new)))
                                        .map(inserted -> imported += inserted.rowCount()))
                                .compose(v -> {
                                    List<Long> changed = counters.keySet().stream()
                                            .filter(e -> !counters.get(e).equals(nextEntryNo.get(e))).toList();
                                    if (changed.isEmpty()) {
                                        return Future.succeededFuture();
                                    }
                                    return conn.preparedQuery("update event set next_entry_no = u.n, updated_at = now()"
                                                    + " from unnest($1::bigint[], $2::int[]) as u(id, n) where event.id = u.id")
                                            .execute(columns(changed.toArray(new Long[0]),
                                                    changed.stream().map(counters::get).toArray(Integer[]::new)))
                                            .mapEmpty();
                                });
                    });
        }

        private Long personId(Row row) {
            return personIds.get(organizationIds.get(row.organization()) + "/" + row.employeeNo());
        }

        private Report report(boolean applied) {
            List<Issue> sorted = new ArrayList<>(issues);
            sorted.sort(Comparator.comparingInt(Issue::row));
            int rejected = (int) sorted.stream().mapToInt(Issue::row).distinct().count();
            return new Report(mode, sheet.rowCount(), applied ? imported : 0, applied ? unchanged : 0,
                    applied ? peopleAdded : 0, rejected, sorted, applied);
        }
    }

    /** The problem an HTTP caller sees for a rejected import: 422 with the report as details. */
    public static Problem problem(Object details) {
        return new Problem(ErrorCode.IMPORT_REJECTED, "有无效行，未导入任何数据 / some rows are invalid; nothing was"
                + " imported", details);
    }
}
