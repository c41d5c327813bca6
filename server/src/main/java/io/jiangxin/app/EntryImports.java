package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.storage.EntryStore;
import io.jiangxin.storage.JudgingStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 成果导入: the organizer fills in the entries' content of an event from a sheet (EntrySheet), as the 报名表 import
 * does for registrations: all or nothing (422 IMPORT_REJECTED with every row's problems) or only the valid rows.
 * Each imported entry is saved as the organizer's edit and audited (action IMPORT, with the sheet's row), at any time.
 */
public final class EntryImports {

    private final EntryStore store;
    private final JudgingStore judging;

    public EntryImports(EntryStore store, JudgingStore judging) {
        this.store = store;
        this.judging = judging;
    }

    public Future<JsonObject> run(Principal who, long eventId, EntrySheet.Parsed sheet, boolean validRowsOnly) {
        if (!who.is(AccountKind.ORGANIZER)) {
            return Future.failedFuture(Refusals.wrongRole("ORGANIZER"));
        }
        return judging.facts(eventId).compose(facts -> judging.entries(store.pool(), eventId)).compose(entries -> {
            Map<String, Long> byCode = new HashMap<>();
            entries.forEach(e -> byCode.put(e.entryCode(), e.registrationId()));
            List<EntrySheet.Issue> issues = new ArrayList<>(sheet.issues());
            List<EntrySheet.Row> valid = new ArrayList<>();
            for (EntrySheet.Row row : sheet.rows()) {
                if (byCode.containsKey(row.entryCode())) {
                    valid.add(row);
                } else {
                    issues.add(new EntrySheet.Issue(row.number(), EntrySheet.Column.ENTRY_CODE.header(),
                            "UNKNOWN_ENTRY", "该赛项没有参赛号 " + row.entryCode() + " / no entry " + row.entryCode()
                            + " in this event"));
                }
            }
            issues.sort(java.util.Comparator.comparingInt(EntrySheet.Issue::row));
            long rejectedRows = issues.stream().mapToInt(EntrySheet.Issue::row).distinct().count();
            if (!validRowsOnly && !issues.isEmpty()) {
                throw new Problem(ErrorCode.IMPORT_REJECTED, "有无效行，未导入任何数据 / some rows are invalid; nothing was"
                        + " imported", report(false, false, sheet.rowCount(), 0, rejectedRows, issues));
            }
            return store.pool().withTransaction(conn -> {
                Future<Void> chain = Future.succeededFuture();
                for (EntrySheet.Row row : valid) {
                    long registration = byCode.get(row.entryCode());
                    Entries.Draft d = row.draft();
                    chain = chain.compose(v -> store.save(conn, registration, new EntryStore.Content(d.title(),
                                    d.kind().name(), d.summary(), d.patentNumbers(), d.standardNumbers(), d.benefit(),
                                    d.videoUrl(), who.accountId(), null), who.accountId())
                            .compose(saved -> store.audit(conn, registration, who.accountId(), "IMPORT",
                                    new JsonObject().put("row", row.number()).put("title", d.title())
                                            .put("kind", d.kind().name()))));
                }
                return chain;
            }).map(done -> report(validRowsOnly, true, sheet.rowCount(), valid.size(), rejectedRows, issues));
        });
    }

    private static JsonObject report(boolean validRowsOnly, boolean applied, int rows, int imported, long rejectedRows,
                                     List<EntrySheet.Issue> issues) {
        JsonArray list = new JsonArray();
        issues.forEach(i -> list.add(new JsonObject().put("row", i.row()).put("column", i.column())
                .put("code", i.code()).put("reason", i.reason())));
        return new JsonObject().put("mode", validRowsOnly ? "valid-rows" : "all-or-nothing").put("applied", applied)
                .put("rows", rows).put("imported", imported).put("rejectedRows", rejectedRows).put("issues", list);
    }
}
