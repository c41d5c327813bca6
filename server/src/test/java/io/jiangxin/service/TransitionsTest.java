package io.jiangxin.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The order and need transition tables: every state × action × role either moves as the table says or refuses. */
class TransitionsTest {

    @Test
    void onlyTheListedMovesAreAllowed() {
        int allowed = 0;
        for (OrderState from : OrderState.values()) {
            for (OrderAction action : OrderAction.values()) {
                for (ServiceRole role : ServiceRole.values()) {
                    try {
                        OrderState to = action.apply(from, role);
                        allowed++;
                        assertThat(role).isEqualTo(action.role());
                        assertThat(from).isNotIn(OrderState.DECLINED, OrderState.ANNULLED);
                        assertThat(to).isNotNull();
                    } catch (IllegalTransition refused) {
                        assertThat(refused.getMessage()).contains(" / ");
                        assertThat(refused.wrongRole()).isEqualTo(role != action.role());
                    }
                }
            }
        }
        // TAKE 1, DECLINE 1, SCHEDULE 2, RECORD 2, CONFIRM 1, REOPEN 2, ANNUL 5
        assertThat(allowed).isEqualTo(14);
    }

    @Test
    void theNeedFollowsItsOrder() {
        assertThat(NeedState.following(OrderState.DECLINED)).isEqualTo(NeedState.ACCEPTED);
        assertThat(NeedState.following(OrderState.CONFIRMED)).isEqualTo(NeedState.COMPLETED);
        assertThat(NeedAction.DISPATCH.apply(NeedState.ACCEPTED, ServiceRole.STAFF)).isEqualTo(NeedState.DISPATCHED);
        assertThatThrownBy(() -> NeedAction.ACCEPT.apply(NeedState.REJECTED, ServiceRole.STAFF))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> NeedAction.RESUBMIT.apply(NeedState.RETURNED, ServiceRole.CRAFTSMAN))
                .isInstanceOf(IllegalTransition.class).matches(e -> ((IllegalTransition) e).wrongRole());
        assertThat(OrderAction.ANNUL.withdrawsPoints(OrderState.CONFIRMED)).isTrue();
        assertThat(OrderAction.ANNUL.withdrawsPoints(OrderState.RECORDED)).isFalse();
    }
}
