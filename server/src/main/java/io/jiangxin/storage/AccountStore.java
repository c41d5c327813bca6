package io.jiangxin.storage;

import io.jiangxin.auth.IssuedWorker;
import io.jiangxin.auth.IssuedAccount;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.auth.Secrets;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Accounts and their sign-in codes; a code is returned once, when issued, and stored only as its hash. */
public final class AccountStore {

    static final String WHAT = "账号 / account";
    // An enterprise contact's or union staff's organization is their own; a judge's or worker's is their person's.
    private static final String PRINCIPAL = "select a.id, a.kind, a.display_name, a.contest_id, a.person_id,"
            + " coalesce(a.organization_id, p.organization_id) as organization_id from account a"
            + " left join person p on p.id = a.person_id";

    private final Pool pool;

    public AccountStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Creates a judge or arbiter of a contest. A judge who is a registered person takes their name and,
     * through their organization, their recusals from the registry.
     */
    public Future<IssuedAccount> create(AccountKind kind, String displayName, Long contestId, Long personId) {
        String code = Secrets.newSignInCode();
        return pool.preparedQuery("insert into account (kind, display_name, contest_id, person_id, code_hash)"
                        + " values ($1, coalesce($2, (select name from person where id = $4)), $3, $4, $5)"
                        + " returning id")
                .execute(Tuple.of(kind.name(), displayName, contestId, personId, Secrets.sha256(code)))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .compose(rows -> get(rows.iterator().next().getLong(0)))
                .map(principal -> new IssuedAccount(principal, code));
    }

    /**
     * Issues a worker (competitor) account for a person, named after them, or replaces its code when it exists:
     * one account per person (unique index), so a second issue is a reissue and the old code stops working.
     * 404 when the person is unknown.
     */
    public Future<IssuedWorker> issueWorker(long personId) {
        String code = Secrets.newSignInCode();
        // xmax is non-zero on a row the upsert updated rather than inserted
        return pool.preparedQuery("insert into account (kind, display_name, person_id, code_hash)"
                        + " select 'COMPETITOR', p.name, p.id, $2 from person p where p.id = $1"
                        + " on conflict (person_id) where kind = 'COMPETITOR'"
                        + " do update set code_hash = excluded.code_hash, disabled_at = null"
                        + " returning id, xmax <> 0 as reissued")
                .execute(Tuple.of(personId, Secrets.sha256(code)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(Problem.notFound(PersonStore.WHAT, personId));
                    }
                    Row row = rows.iterator().next();
                    boolean reissued = row.getBoolean("reissued");
                    return get(row.getLong("id")).map(p -> new IssuedWorker(new IssuedAccount(p, code), reissued));
                });
    }

    /**
     * An account tied to an organization rather than a contest: an enterprise contact (ENTERPRISE) or union staff
     * (UNION_STAFF), inside the caller's transaction when given one.
     */
    public Future<IssuedAccount> createForOrganization(io.vertx.sqlclient.SqlClient client, AccountKind kind,
                                                String displayName, long organizationId) {
        String code = Secrets.newSignInCode();
        return client.preparedQuery("insert into account (kind, display_name, organization_id, code_hash)"
                        + " values ($1, $2, $3, $4) returning id")
                .execute(Tuple.of(kind.name(), displayName, organizationId, Secrets.sha256(code)))
                .recover(e -> Future.failedFuture(Constraints.translate(e)))
                .compose(rows -> client.preparedQuery(PRINCIPAL + " where a.id = $1")
                        .execute(Tuple.of(rows.iterator().next().getLong(0))))
                .map(rows -> new IssuedAccount(map(rows.iterator().next()), code));
    }

    /** Makes sure an organizer with this code exists, for start-up from configuration. */
    public Future<Void> ensureOrganizer(String code) {
        return pool.preparedQuery("insert into account (kind, display_name, code_hash) values ('ORGANIZER', $1, $2)"
                        + " on conflict (code_hash) do nothing")
                .execute(Tuple.of("组委会 / organizer", Secrets.sha256(Secrets.normalizeCode(code))))
                .mapEmpty();
    }

    public Future<Boolean> anyOrganizer() {
        return pool.query("select exists (select 1 from account where kind = 'ORGANIZER' and disabled_at is null)")
                .execute().map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Replaces an account's code; the old one stops working at once. */
    public Future<IssuedAccount> reissue(long id) {
        String code = Secrets.newSignInCode();
        return pool.preparedQuery("update account set code_hash = $1 where id = $2")
                .execute(Tuple.of(Secrets.sha256(code), id))
                .compose(rows -> rows.rowCount() == 0 ? Future.failedFuture(Problem.notFound(WHAT, id)) : get(id))
                .map(principal -> new IssuedAccount(principal, code));
    }

    public Future<Principal> get(long id) {
        return pool.preparedQuery(PRINCIPAL + " where a.id = $1").execute(Tuple.of(id))
                .map(Rows.single(WHAT, id, AccountStore::map));
    }

    /** The active account a sign-in code belongs to, if any. */
    public Future<Principal> byCode(String code) {
        return pool.preparedQuery(PRINCIPAL + " where a.code_hash = $1 and a.disabled_at is null")
                .execute(Tuple.of(Secrets.sha256(Secrets.normalizeCode(code))))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Future<List<Principal>> ofContest(long contestId, AccountKind kind) {
        return pool.preparedQuery(PRINCIPAL + " where a.contest_id = $1 and a.kind = $2 order by a.id")
                .execute(Tuple.of(contestId, kind.name()))
                .map(Rows.each(AccountStore::map));
    }

    static Principal map(Row row) {
        return new Principal(row.getLong("id"), AccountKind.valueOf(row.getString("kind")),
                row.getString("display_name"), row.getLong("contest_id"), row.getLong("person_id"),
                row.getLong("organization_id"));
    }
}
