package io.jiangxin.storage.ladder;

import io.vertx.sqlclient.Pool;

/** The ladder's stores, one per aggregate, over one shared pool. */
public record LadderStores(Pool pool, LadderConfigStore configs, LadderPeopleStore people, TierHoldingStore holdings,
                           ResultFactStore results, EvidenceStore evidence, LedgerStore ledger, CourseStore courses,
                           MentorshipStore mentorships, NominationStore nominations) {

    public static LadderStores over(Pool pool) {
        return new LadderStores(pool, new LadderConfigStore(), new LadderPeopleStore(), new TierHoldingStore(),
                new ResultFactStore(pool), new EvidenceStore(), new LedgerStore(), new CourseStore(),
                new MentorshipStore(), new NominationStore());
    }
}
