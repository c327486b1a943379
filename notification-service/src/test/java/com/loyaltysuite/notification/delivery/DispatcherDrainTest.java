package com.loyaltysuite.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatcherDrainTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void roundsFollowEachOtherWhileEachClaimsAFullBatch() {
        Deque<Integer> rounds = new ArrayDeque<>(List.of(50, 50, 50, 12, 50));

        int claimed = Dispatcher.whileFull(rounds::pop, 50);

        // A backlog of 162 goes out in one go; the fifth round waits for the next poll.
        assertThat(claimed).isEqualTo(162);
        assertThat(rounds).containsExactly(50);
    }

    @Test
    void aRoundThatClaimsNothingEndsTheDrain() {
        Deque<Integer> rounds = new ArrayDeque<>(List.of(0, 50));

        assertThat(Dispatcher.whileFull(rounds::pop, 50)).isZero();
        assertThat(rounds).containsExactly(50);
    }

    @Test
    void shutdownInterruptsADrainBetweenRounds() {
        Deque<Integer> rounds = new ArrayDeque<>(List.of(50, 50, 50));

        int claimed = Dispatcher.whileFull(() -> {
            Thread.currentThread().interrupt();
            return rounds.pop();
        }, 50);

        assertThat(claimed).isEqualTo(50);
        assertThat(rounds).hasSize(2);
    }
}
