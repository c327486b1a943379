package com.loyaltysuite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagFlatnessTest {

    @Test
    void aLagThatHoversAroundABatchIsFlat() {
        List<LagFlatness.Point> points = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            points.add(new LagFlatness.Point(s, s % 2 == 0 ? 40 : 310));
        }

        LagFlatness.Verdict verdict = LagFlatness.judge(points, 500, 60);

        assertThat(verdict.flat()).isTrue();
        assertThat(verdict.lastQuarterMaxLag()).isEqualTo(310);
    }

    @Test
    void aSteadilyGrowingBacklogIsNotFlat() {
        List<LagFlatness.Point> points = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            points.add(new LagFlatness.Point(s, 50L * s));
        }

        LagFlatness.Verdict verdict = LagFlatness.judge(points, 500, 60);

        assertThat(verdict.flat()).isFalse();
        assertThat(verdict.slopePerSecond()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(verdict.reason()).contains("grows");
    }

    @Test
    void aBacklogThatStopsGrowingButStaysSecondsBehindIsNotFlat() {
        List<LagFlatness.Point> points = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            points.add(new LagFlatness.Point(s, s < 15 ? 400L * s : 6000));
        }

        LagFlatness.Verdict verdict = LagFlatness.judge(points, 500, 60);

        assertThat(verdict.flat()).isFalse();
        assertThat(verdict.reason()).contains("behind");
    }

    @Test
    void theSettlingQuarterIsIgnored() {
        List<LagFlatness.Point> points = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            points.add(new LagFlatness.Point(s, s < 15 ? 900 - 60L * s : 20));
        }

        assertThat(LagFlatness.judge(points, 500, 60).flat()).isTrue();
    }

    @Test
    void tooFewSamplesAreNoEvidence() {
        assertThat(LagFlatness.judge(List.of(new LagFlatness.Point(50, 0)), 500, 60).flat()).isFalse();
    }
}
