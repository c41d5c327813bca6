package io.jiangxin.storage;

import io.jiangxin.auth.Principal;
import io.jiangxin.auth.Secrets;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Bearer-token sessions; PostgreSQL keeps them so that revocation and expiry outlive any node. */
public final class SessionStore {

    /** An open session as the store knows it. */
    public record Open(Principal principal, Instant expiresAt) {
    }

    private final Pool pool;

    public SessionStore(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> open(String token, long accountId, Instant expiresAt, String device, String address) {
        return pool.preparedQuery("insert into session (token_hash, account_id, expires_at, device, address)"
                        + " values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(Secrets.sha256(token), accountId, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC),
                        device, address))
                .mapEmpty();
    }

    /** The session of a token, or null when unknown, expired, revoked, or its account is disabled. */
    public Future<Open> find(String tokenHash, java.time.Instant at) {
        return pool.preparedQuery("select s.expires_at, a.id, a.kind, a.display_name, a.contest_id, a.person_id,"
                        + " coalesce(a.organization_id, p.organization_id) as organization_id from session s join account a on a.id = s.account_id"
                        + " left join person p on p.id = a.person_id where s.token_hash = $1 and s.revoked_at is null"
                        + " and s.expires_at > $2 and a.disabled_at is null")
                .execute(Tuple.of(tokenHash, at.atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> rows.size() == 0 ? null : new Open(AccountStore.map(rows.iterator().next()),
                        rows.iterator().next().getOffsetDateTime("expires_at").toInstant()));
    }

    public Future<Void> revoke(String tokenHash) {
        return pool.preparedQuery("update session set revoked_at = now() where token_hash = $1 and revoked_at is null")
                .execute(Tuple.of(tokenHash)).mapEmpty();
    }

    /** Revokes every open session of an account, returning their token hashes so caches can drop them. */
    public Future<java.util.List<String>> revokeAll(long accountId) {
        return pool.preparedQuery("update session set revoked_at = now() where account_id = $1 and revoked_at is null"
                        + " returning token_hash")
                .execute(Tuple.of(accountId))
                .map(rows -> {
                    java.util.List<String> hashes = new java.util.ArrayList<>();
                    rows.forEach(row -> hashes.add(row.getString(0)));
                    return hashes;
                });
    }
}
