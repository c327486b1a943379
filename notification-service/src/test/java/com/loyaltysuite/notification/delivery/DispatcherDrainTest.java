package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DispatcherDrainTest {

    @Test
    void roundsFollowEachOtherWhileEachClaimsAFullBatch() {
        Deque<Integer> rounds = new ArrayDeque<>(List.of(50, 50, 50, 12, 50));

        int claimed = Dispatcher.whileFull(rounds::pop, 50, () -> false);

        // A backlog of 162 goes out in one go; the fifth round waits for the next poll.
        assertThat(claimed).isEqualTo(162);
        assertThat(rounds).containsExactly(50);
    }

    @Test
    void aRoundThatClaimsNothingEndsTheDrain() {
        Deque<Integer> rounds = new ArrayDeque<>(List.of(0, 50));

        assertThat(Dispatcher.whileFull(rounds::pop, 50, () -> false)).isZero();
        assertThat(rounds).containsExactly(50);
    }

    @Test
    void aStoppingServiceStartsNoFurtherRound() {
        Deque<Integer> rounds = new ArrayDeque<>(List.of(50, 50, 50));
        AtomicBoolean stopping = new AtomicBoolean();

        int claimed = Dispatcher.whileFull(() -> {
            stopping.set(true);
            return rounds.pop();
        }, 50, stopping::get);

        assertThat(claimed).isEqualTo(50);
        assertThat(rounds).hasSize(2);
    }
}
