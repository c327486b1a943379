package com.loyaltysuite.notification.delivery;

/**
 * How many segments an SMS takes. Text in the GSM 7-bit alphabet: 160 characters in one segment, 153
 * per segment when split; anything else (Chinese) is sent as UCS-2: 70 characters in one segment, 67
 * per segment when split. The gateway's sign name (【会员中心】) counts too.
 */
public final class SmsText {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    private SmsText() {}

    public static boolean gsm7(String text) {
        return text.codePoints().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENDED.indexOf(c) >= 0);
    }

    /** Characters as the network counts them: code points for UCS-2, extension characters twice in GSM-7. */
    public static int length(String text) {
        if (gsm7(text)) {
            return text.codePoints().map(c -> GSM_EXTENDED.indexOf(c) >= 0 ? 2 : 1).sum();
        }
        return text.codePointCount(0, text.length()) + (int) text.codePoints().filter(c -> c > 0xFFFF).count();
    }

    public static int segments(String text) {
        int length = length(text);
        boolean gsm = gsm7(text);
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        if (length <= single) {
            return 1;
        }
        return (length + part - 1) / part;
    }
}
