package io.jiangxin.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.results.Publication;
import io.jiangxin.results.PublicationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The publication words a results sheet prints in its title block, for each state: 未公布, 公示中 until appeals
 * close, awaiting a ruling after that, 最终成绩 since when, and 复核中 after an upheld appeal. The HTTP exports
 * print them as {@code ExcelExportIT} shows; the final state needs time to pass, so it is shown here.
 */
class PublicationLabelsTest {

    private static final Instant SIGNED_OFF = Instant.parse("2026-11-21T02:00:00Z");
    private static final Instant PUBLISHED = Instant.parse("2026-11-21T04:00:00Z");

    private static Publication publication(Instant withdrawnAt) {
        return new Publication(1, 7, 1, "组委会", PUBLISHED, 72, Publication.noticeEnd(PUBLISHED, 72), SIGNED_OFF, 42,
                withdrawnAt, withdrawnAt == null ? null : 3L, withdrawnAt == null ? null : "重评");
    }

    private static String label(List<Publication> history, int pending, Instant lastRuling, Instant now) {
        return Labels.publication(PublicationStatus.of(7, history, 120, pending, lastRuling, now), now);
    }

    @Test
    void eachStateIsPrintedInBeijingTime() {
        Instant during = PUBLISHED.plus(Duration.ofHours(1));
        Instant after = PUBLISHED.plus(Duration.ofHours(80));
        assertThat(label(List.of(), 0, null, during)).isEqualTo("未公布 / not published");
        assertThat(label(List.of(publication(null)), 0, null, during))
                .isEqualTo("公示中（至 2026-11-24 12:00）/ public notice until 2026-11-24 12:00 Beijing time");
        assertThat(label(List.of(publication(null)), 1, null, after)).startsWith("公示期满，申诉待裁决");
        assertThat(label(List.of(publication(null)), 0, null, after))
                .isEqualTo("最终成绩（2026-11-24 12:00 起）/ final results since 2026-11-24 12:00");
        assertThat(label(List.of(publication(during)), 0, during, after)).startsWith("复核中").contains("under review");
    }

    @Test
    void theStateLineJoinsTheSignOffAndThePublication() {
        PublicationStatus none = PublicationStatus.of(7, List.of(), 120, 0, null, PUBLISHED);
        assertThat(Labels.state(SIGNED_OFF, none, PUBLISHED))
                .isEqualTo("裁判长已签字确认 2026-11-21 10:00 / signed off by the head judge · 未公布 / not published");
        assertThat(Labels.state(null, none, PUBLISHED)).startsWith("暂定成绩").endsWith("未公布 / not published");
    }
}
