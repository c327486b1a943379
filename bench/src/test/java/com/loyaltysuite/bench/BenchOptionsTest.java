package com.loyaltysuite.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void quickIsAPresetThatLaterOptionsRefine() {
        BenchOptions options = BenchOptions.parse("--rate", "150", "--quick", "--bootstrap", "127.0.0.1:9092");

        assertThat(options.members()).isEqualTo(2_000);
        assertThat(options.rate()).isEqualTo(150);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.rebuildEvents()).isEqualTo(60_000);
    }

    @Test
    void theDefaultsAreTheFullRun() {
        BenchOptions options = BenchOptions.parse("--suite-command", "java -Xmx1g -jar suite.jar --no-demo");

        assertThat(options.suiteCommand()).containsExactly("java", "-Xmx1g", "-jar", "suite.jar", "--no-demo");
        assertThat(options.members()).isEqualTo(100_000);
        assertThat(options.rate()).isEqualTo(500);
        assertThat(options.steps()).containsExactly(500.0, 1000.0, 1500.0, 2000.0, 2500.0, 3000.0);
        assertThat(options.rebuildEvents()).isEqualTo(1_000_000);
        assertThat(options.openLoop()).isTrue();
        assertThat(options.maximumRate()).isTrue();
    }

    @Test
    void durationsAndStepsAreReadAsWritten() {
        BenchOptions options = BenchOptions.parse("--bootstrap", "h:1", "--duration", "2m", "--step-duration", "500ms",
                "--steps", "100, 250", "--mode", "max");

        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.stepDuration()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.steps()).isEqualTo(List.of(100.0, 250.0));
        assertThat(options.openLoop()).isFalse();
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> BenchOptions.parse("--bootstrap", "h:1", "--rate", "-5")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> BenchOptions.parse("--bootstrap", "h:1", "--duration", "soon")).hasMessageContaining("soon");
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "5")).hasMessageContaining("--suite-command");
        assertThatThrownBy(() -> BenchOptions.parse("--bootstrap", "h:1", "--frobnicate", "1")).hasMessageContaining("--frobnicate");
    }

    @Test
    void theBannerGivesTheKafkaAddress() {
        assertThat(SuiteProcess.bootstrapIn("Kafka bootstrap       127.0.0.1:9092")).isEqualTo("127.0.0.1:9092");
        assertThat(SuiteProcess.bootstrapIn("member-service        http://127.0.0.1:8081/members/{id}")).isNull();
    }

    @Test
    void smsMembersAreAmongTheMembersAndTheQuotaDefaultsToTheSuitesOwn() {
        BenchOptions options = BenchOptions.parse("--bootstrap", "h:1", "--members", "2000", "--sms-members", "2000");

        assertThat(options.smsMembers()).isEqualTo(2000);
        assertThat(options.smsQuota()).isEqualTo(100);
        assertThat(BenchOptions.parse("--bootstrap", "h:1").smsMembers()).isZero();
        assertThatThrownBy(() -> BenchOptions.parse("--bootstrap", "h:1", "--members", "10", "--sms-members", "11"))
                .hasMessageContaining("--sms-members");
        assertThatThrownBy(() -> BenchOptions.parse("--bootstrap", "h:1", "--sms-quota", "0"))
                .hasMessageContaining("--sms-quota");
    }
}
