package com.loyaltysuite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlChartTest {

    @Test
    void thePercentileAxisCountsNines() {
        assertThat(List.of(HtmlChart.nines(0), HtmlChart.nines(1), HtmlChart.nines(2), HtmlChart.nines(4)))
                .containsExactly("0%", "90%", "99%", "99.99%");
    }

    @Test
    void aChartIsInlineSvgThatLoadsNothing() {
        String svg = HtmlChart.chart("p99 <by second>", "s", "ms",
                List.of(new HtmlChart.Series("p99", "#d62728", List.of(new double[] {0, 12.5}, new double[] {1, 480}))),
                true, false, List.of(new HtmlChart.Marker(0, "500/s")));

        assertThat(svg).startsWith("<svg ").endsWith("</svg>\n");
        assertThat(svg).contains("p99 &lt;by second&gt;").contains("<path d=\"M").contains("500/s");
        assertThat(svg).doesNotContain("http").doesNotContain("<script");
    }

    @Test
    void gridStepsAreRound() {
        assertThat(HtmlChart.niceStep(7.3)).isEqualTo(10);
        assertThat(HtmlChart.niceStep(0.18)).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(HtmlChart.niceStep(430)).isEqualTo(500);
    }
}
