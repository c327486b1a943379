package com.loyaltysuite.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsGatewayTest {

    SmsGateway gateway = new SmsGateway(
            new SmsGatewaySettings(null, null, null, null, null, null), Duration.ofSeconds(1), Clock.systemUTC(), new ObjectMapper());

    /** The worked example of Aliyun's signature documentation for SendSms (a GET there; we POST). */
    @Test
    void signsAsTheGatewayDocumentsIt() {
        Map<String, String> parameters = Map.ofEntries(
                Map.entry("AccessKeyId", "testId"),
                Map.entry("Action", "SendSms"),
                Map.entry("Format", "XML"),
                Map.entry("OutId", "123"),
                Map.entry("PhoneNumbers", "15300000001"),
                Map.entry("RegionId", "cn-hangzhou"),
                Map.entry("SignName", "阿里云短信测试专用"),
                Map.entry("SignatureMethod", "HMAC-SHA1"),
                Map.entry("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
                Map.entry("SignatureVersion", "1.0"),
                Map.entry("TemplateCode", "SMS_71390007"),
                Map.entry("TemplateParam", "{\"customer\":\"test\"}"),
                Map.entry("Timestamp", "2017-07-12T02:42:19Z"),
                Map.entry("Version", "2017-05-25"));

        assertThat(SmsGateway.signature("GET", "testSecret", parameters)).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
        assertThat(SmsGateway.signature("POST", "testSecret", parameters)).isEqualTo("Xvhv7fPXrPkLVSnlt0jIr08o8NQ=");
    }

    @Test
    void classifiesTheGatewaysAnswers() {
        assertThat(gateway.answer(200, "{\"Code\":\"OK\",\"BizId\":\"b-1\"}")).isEqualTo(new SendResult.Sent("b-1"));
        assertThat(gateway.answer(200, "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"bad number\"}"))
                .isInstanceOf(SendResult.Rejected.class);
        assertThat(gateway.answer(400, "{\"Code\":\"isv.TEMPLATE_MISSING_PARAMETERS\"}")).isInstanceOf(SendResult.Rejected.class);
        for (int status : new int[] {429, 500, 502, 503, 504, 401, 403}) {
            assertThatThrownBy(() -> gateway.answer(status, "")).isInstanceOf(ProviderUnavailableException.class);
        }
        assertThatThrownBy(() -> gateway.answer(200, "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\"}"))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThatThrownBy(() -> gateway.answer(200, "{\"Code\":\"isp.SYSTEM_ERROR\"}"))
                .isInstanceOf(ProviderUnavailableException.class);
    }
}
