package io.jiangxin.app.ladder;

import io.jiangxin.auth.Principal;
import io.jiangxin.storage.ladder.EvidenceStore.EvidenceRow;
import io.jiangxin.storage.ladder.LadderStores;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Evidence an organizer records for a person, priced at once in every configuration in force. */
public record LadderEvidence(LadderStores stores, LadderReconciliation reconciliation, Clock clock) {

    /**
     * One piece of evidence as the organizer gives it: {@code qualifier} is the outcome or type (the honour's level,
     * the certificate's grade), {@code hours} only for training hours.
     */
    public record NewEvidence(long personId, String kind, String reference, String qualifier, String title,
                              String level, String grade, BigDecimal hours, LocalDate effectiveOn) {
    }

    /** Records the evidence today and posts what it earns. */
    public Future<JsonObject> recordEvidence(Principal who, NewEvidence e) {
        EvidenceRow row = new EvidenceRow(0, e.personId(), e.kind(), e.reference(), e.qualifier(), e.title(), e.level(),
                e.grade(), e.hours(), e.effectiveOn(), LadderCalendar.today(clock));
        return stores.people().person(stores.pool(), row.personId())
                .compose(person -> stores.evidence().insertEvidence(stores.pool(), row, who.accountId()))
                .compose(saved -> reconciliation.reconcileAll(List.of(saved.personId()))
                        .map(posted -> LadderViews.evidence(saved).put("posted", posted)));
    }
}
