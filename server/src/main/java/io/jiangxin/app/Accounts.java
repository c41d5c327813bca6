package io.jiangxin.app;

import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.IssuedAccount;
import io.jiangxin.auth.IssuedWorker;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.Sessions;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.storage.AccountStore;
import io.jiangxin.storage.Stores;
import io.vertx.core.Future;
import java.util.List;

/**
 * The accounts organizers issue (judges, arbiters, workers, other organizers) and what follows from a new code: the
 * holder's sessions end everywhere.
 */
public final class Accounts {

    /** A worker's code as issued, with how many of their sessions it ended. */
    public record WorkerCode(IssuedWorker worker, int revokedSessions) {
    }

    private final AccountStore accounts;
    private final Stores stores;
    private final Sessions sessions;

    public Accounts(AccountStore accounts, Stores stores, Sessions sessions) {
        this.accounts = accounts;
        this.stores = stores;
        this.sessions = sessions;
    }

    public Future<Principal> byCode(String code) {
        return accounts.byCode(code);
    }

    public Future<Integer> signOutEverywhere(long accountId) {
        return accounts.get(accountId).compose(account -> sessions.revokeAll(accountId));
    }

    /** The QR token: an organizer opens a session for a judge and prints its token as a QR code for the tablet. */
    public Future<Sessions.Opened> openForTablet(long accountId, String address) {
        return accounts.get(accountId).compose(account -> {
            if (account.is(AccountKind.ORGANIZER)) {
                throw new Problem(ErrorCode.ROLE_NOT_ALLOWED, "不能为组委会账号签发二维码令牌 / QR tokens are not issued"
                        + " for organizer accounts");
            }
            return sessions.open(account, "qr", address);
        });
    }

    public Future<IssuedAccount> reissueCode(long accountId) {
        return accounts.reissue(accountId).compose(issued -> sessions.revokeAll(accountId).map(issued));
    }

    /** A worker's own sign-in code (选手登录码): issuing again replaces it and signs the worker out everywhere. */
    public Future<WorkerCode> issueWorkerCode(long personId) {
        return accounts.issueWorker(personId).compose(worker -> sessions.revokeAll(worker.issued().account()
                .accountId()).map(revoked -> new WorkerCode(worker, revoked)));
    }

    public Future<IssuedAccount> createOrganizer(String displayName) {
        return accounts.create(AccountKind.ORGANIZER, displayName, null, null);
    }

    public Future<List<Principal>> judgesOf(long contestId) {
        return stores.contests().get(contestId).compose(contest -> accounts.ofContest(contest.id(), AccountKind.JUDGE));
    }

    /** A judge or arbiter of a contest; one who is a registered person takes their name and recusals from the registry. */
    public Future<IssuedAccount> createInContest(AccountKind kind, long contestId, String displayName, Long personId) {
        Future<Void> personExists = personId == null ? Future.succeededFuture()
                : stores.people().get(personId).recover(e -> Future.failedFuture(
                        Problem.unknownReference("personId", "人员不存在 / unknown person"))).mapEmpty();
        return stores.contests().get(contestId)
                .compose(contest -> personExists)
                .compose(v -> accounts.create(kind, displayName, contestId, personId));
    }
}
