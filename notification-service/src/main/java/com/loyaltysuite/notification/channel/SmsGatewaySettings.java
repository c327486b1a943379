package com.loyaltysuite.notification.channel;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SMS gateway, modelled on Aliyun's SendSms API ({@code loyalty.notification.sms.*}).
 *
 * @param baseUrl where requests are POSTed [{@code http://127.0.0.1:8026/sms} (the local run's catcher)]
 * @param accessKeyId the account's key id
 * @param accessKeySecret the key's secret: signs each request (HMAC-SHA1), never sent
 * @param signName the sign name (短信签名) shown as 【…】 before the text
 * @param regionId the gateway's region [cn-hangzhou]
 * @param templateCodes the template code registered at the gateway for each trigger (e.g.
 *     {@code transaction: SMS_100000001}); a trigger without one is sent as its own name
 */
public record SmsGatewaySettings(
        URI baseUrl,
        String accessKeyId,
        String accessKeySecret,
        String signName,
        String regionId,
        Map<String, String> templateCodes) {

    public SmsGatewaySettings {
        baseUrl = baseUrl == null ? URI.create("http://127.0.0.1:8026/sms") : baseUrl;
        accessKeyId = accessKeyId == null ? "local-key" : accessKeyId;
        accessKeySecret = accessKeySecret == null ? "local-secret" : accessKeySecret;
        signName = signName == null ? "会员中心" : signName;
        regionId = regionId == null ? "cn-hangzhou" : regionId;
        templateCodes = templateCodes == null ? Map.of() : new LinkedHashMap<>(templateCodes);
    }

    public String templateCode(String trigger) {
        return templateCodes.getOrDefault(trigger, trigger);
    }
}
