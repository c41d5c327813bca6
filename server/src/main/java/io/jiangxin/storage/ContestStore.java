package io.jiangxin.storage;

import io.jiangxin.paging.PageRequest;

import io.jiangxin.paging.Page;

import io.jiangxin.registry.Contest;
import io.jiangxin.registry.ContestClass;
import io.jiangxin.registry.ContestKind;
import io.jiangxin.registry.ContestLevel;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

public final class ContestStore implements DraftStore<Contest, Contest.Draft> {

    static final String WHAT = "竞赛 / contest";
    private static final String COLUMNS = "id, name, kind, level, contest_class, year, organizer";

    private final RegistryTable<Contest> table;

    public ContestStore(Pool pool) {
        this.table = new RegistryTable<>(pool, "contest", WHAT, COLUMNS, ContestStore::map);
    }

    @Override
    public Future<Contest> create(Contest.Draft draft) {
        return table.insert("insert into contest (name, kind, level, contest_class, year, organizer)"
                + " values ($1, $2, $3, $4, $5, $6)", values(draft));
    }

    @Override
    public Future<Contest> get(long id) {
        return table.get(id);
    }

    @Override
    public Future<Contest> update(long id, Contest.Draft draft) {
        return table.update(id, "update contest set name = $1, kind = $2, level = $3, contest_class = $4,"
                + " year = $5, organizer = $6, updated_at = now() where id = $7", values(draft).addLong(id));
    }

    public Future<Page<Contest>> list(Integer year, ContestKind kind, ContestLevel level, PageRequest page) {
        Filter filter = new Filter()
                .equal("year", year)
                .equal("kind", kind == null ? null : kind.name())
                .equal("level", level == null ? null : level.name());
        return table.page(filter, page);
    }

    private static Tuple values(Contest.Draft draft) {
        return Tuple.of(draft.name(), draft.kind().name(), draft.level().name(),
                draft.contestClass() == null ? null : draft.contestClass().name(), draft.year(), draft.organizer());
    }

    static Contest map(Row row) {
        String contestClass = row.getString("contest_class");
        return new Contest(row.getLong("id"), row.getString("name"), ContestKind.valueOf(row.getString("kind")),
                ContestLevel.valueOf(row.getString("level")),
                contestClass == null ? null : ContestClass.valueOf(contestClass), row.getInteger("year"),
                row.getString("organizer"));
    }
}
