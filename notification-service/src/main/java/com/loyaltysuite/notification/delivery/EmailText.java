package com.loyaltysuite.notification.delivery;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What every member email shares: the greeting, how a date is written, the closing lines. */
final class EmailText {

    static final String FOOTER = "详情请登录会员中心查看。\n\n此邮件由系统自动发送，请勿直接回复。";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

    private EmailText() {}

    /** A member without a name on file is greeted as 会员. */
    static String greeting(String memberName) {
        return "尊敬的" + (memberName == null || memberName.isBlank() ? "会员" : memberName) + "：";
    }

    /** The calendar day of {@code at} in the members' time zone, e.g. 2027年11月23日. */
    static String date(Instant at, ZoneId zone) {
        return DATE.format(at.atZone(zone));
    }
}
