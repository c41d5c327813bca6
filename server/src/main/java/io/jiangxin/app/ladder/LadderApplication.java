package io.jiangxin.app.ladder;

import io.jiangxin.storage.ladder.LadderStores;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * The ladder's application classes, one job each, built once per node over one pool and the node's clock, which is
 * where every ladder date and time is read.
 */
public record LadderApplication(Clock clock, LadderStores stores, Programmes programmes,
                                LadderReconciliation reconciliation, LadderConfigurations configurations, LadderHoldings holdings, LadderEvidence evidence,
                                LadderResults results, LadderCourses courses, LadderMentoring mentoring,
                                LadderProposals proposals, LadderWorkflow workflow, LadderRoster roster,
                                WorkerRecord workers) {

    public static LadderApplication over(Pool pool, Clock clock) {
        LadderStores stores = LadderStores.over(pool);
        Programmes programmes = new Programmes(stores.configs());
        LadderReconciliation reconciliation = new LadderReconciliation(stores, programmes, clock);
        LadderHoldings holdings = new LadderHoldings(stores, programmes);
        LadderProposals proposals = new LadderProposals(stores, programmes, clock);
        return new LadderApplication(clock, stores, programmes, reconciliation,
                new LadderConfigurations(stores, programmes, reconciliation), holdings,
                new LadderEvidence(stores, reconciliation, clock), new LadderResults(stores, reconciliation, clock),
                new LadderCourses(stores, reconciliation, clock), new LadderMentoring(stores, reconciliation, clock),
                proposals,
                new LadderWorkflow(stores, programmes, proposals, holdings, clock),
                new LadderRoster(stores, programmes, clock), new WorkerRecord(stores, programmes, clock));
    }
}
