package io.jiangxin.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The derived publication state: notice, finality (held back by a pending appeal), review, and appeal deadlines. */
class PublicationStatusTest {

    static final Instant SIGNED_OFF = Instant.parse("2026-05-01T08:00:00Z");
    static final Instant PUBLISHED = SIGNED_OFF.plus(Duration.ofMinutes(30));
    static final int WINDOW = 120;

    private static Publication publication(int hours, Instant withdrawnAt) {
        return new Publication(1, 7, 1, "组委会", PUBLISHED, hours, Publication.noticeEnd(PUBLISHED, hours), SIGNED_OFF,
                42, withdrawnAt, withdrawnAt == null ? null : 3L, withdrawnAt == null ? null : "申诉成立");
    }

    private static Instant at(Duration afterPublication) {
        return PUBLISHED.plus(afterPublication);
    }

    @Test
    void withoutAPublicationOnlyTheWindowAfterSignOffApplies() {
        PublicationStatus status = PublicationStatus.of(7, List.of(), WINDOW, 0, null, at(Duration.ZERO));
        assertThat(status.state()).isEqualTo(PublicationState.UNPUBLISHED);
        assertThat(status.underReview()).isFalse();
        assertThat(status.appealsCloseAt(SIGNED_OFF, WINDOW)).isEqualTo(SIGNED_OFF.plus(Duration.ofMinutes(WINDOW)));
    }

    @Test
    void theNoticeRunsToItsEndAndExtendsTheAppealDeadline() {
        PublicationStatus status = PublicationStatus.of(7, List.of(publication(72, null)), WINDOW, 0, null,
                at(Duration.ofHours(71)));
        assertThat(status.state()).isEqualTo(PublicationState.NOTICE);
        assertThat(status.appealsCloseAt()).isEqualTo(at(Duration.ofHours(72)));
        assertThat(status.appealsCloseAt(SIGNED_OFF, WINDOW)).isEqualTo(at(Duration.ofHours(72)));
        assertThat(status.awaitingRuling(at(Duration.ofHours(71)))).isFalse();
    }

    @Test
    void aNoticeShorterThanTheWindowIsNotFinalBeforeTheWindowCloses() {
        Instant windowEnd = SIGNED_OFF.plus(Duration.ofMinutes(WINDOW));
        PublicationStatus during = PublicationStatus.of(7, List.of(publication(1, null)), WINDOW, 0, null,
                windowEnd.minusSeconds(1));
        assertThat(during.state()).isEqualTo(PublicationState.NOTICE);
        PublicationStatus after = PublicationStatus.of(7, List.of(publication(1, null)), WINDOW, 0, null, windowEnd);
        assertThat(after.state()).isEqualTo(PublicationState.FINAL);
        assertThat(after.finalAt()).isEqualTo(windowEnd);
    }

    @Test
    void afterTheNoticeTheResultsAreFinalUnlessAnAppealIsPending() {
        Instant after = at(Duration.ofHours(73));
        PublicationStatus pending = PublicationStatus.of(7, List.of(publication(72, null)), WINDOW, 1, null, after);
        assertThat(pending.state()).isEqualTo(PublicationState.NOTICE);
        assertThat(pending.awaitingRuling(after)).isTrue();

        Instant ruled = at(Duration.ofHours(80));
        PublicationStatus decided = PublicationStatus.of(7, List.of(publication(72, null)), WINDOW, 0, ruled,
                at(Duration.ofHours(81)));
        assertThat(decided.state()).isEqualTo(PublicationState.FINAL);
        assertThat(decided.finalAt()).as("final once ruled").isEqualTo(ruled);

        PublicationStatus quiet = PublicationStatus.of(7, List.of(publication(72, null)), WINDOW, 0,
                at(Duration.ofHours(5)), after);
        assertThat(quiet.finalAt()).isEqualTo(at(Duration.ofHours(72)));
    }

    @Test
    void aWithdrawnPublicationLeavesTheResultsUnderReviewUntilTheNextOne() {
        Publication withdrawn = publication(72, at(Duration.ofHours(3)));
        PublicationStatus review = PublicationStatus.of(7, List.of(withdrawn), WINDOW, 0, null, at(Duration.ofHours(4)));
        assertThat(review.state()).isEqualTo(PublicationState.UNPUBLISHED);
        assertThat(review.underReview()).isTrue();
        assertThat(review.current()).isNull();
        assertThat(review.history()).containsExactly(withdrawn);

        PublicationStatus again = PublicationStatus.of(7, List.of(withdrawn, publication(24, null)), WINDOW, 0, null,
                at(Duration.ofHours(4)));
        assertThat(again.state()).isEqualTo(PublicationState.NOTICE);
        assertThat(again.underReview()).isFalse();
    }
}
