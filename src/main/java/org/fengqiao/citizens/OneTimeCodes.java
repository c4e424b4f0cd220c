package org.fengqiao.citizens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.cases.CaseContacts;
import org.fengqiao.notifications.Notification;
import org.fengqiao.notifications.NotificationKind;
import org.fengqiao.notifications.Notifications;

/**
 * One-time codes sent by SMS to the mobile number on a case: 6 digits, valid 5 minutes, 5 tries, stored as an
 * HMAC-SHA256 under a random salt of their own. A new code replaces the ones before it. The SMS goes through the
 * outbox (urgent: quiet hours do not hold it back), to the number looked up from the sealed party data.
 */
@Service
public class OneTimeCodes {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int TRIES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CaseContacts contacts;
    private final Notifications notifications;
    private final Clock clock;

    OneTimeCodes(JdbcClient jdbc, CaseContacts contacts, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Sends a new code to the case's mobile number, if it has one; answers whether one was sent (the page says the
     * same either way, so nobody learns whether a case has a phone).
     */
    @Transactional
    public boolean send(long caseId, String trackingCode) {
        var mobile = contacts.applicantMobile(caseId);
        if (mobile.isEmpty()) {
            return false;
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] seed = new byte[16];
        RANDOM.nextBytes(seed);
        String salt = HexFormat.of().formatHex(seed);
        Instant now = clock.instant();
        jdbc.sql("update citizen_code set used = true where case_id = ? and not used").param(caseId).update();
        long id = jdbc.sql("""
                insert into citizen_code (case_id, code_hash, salt, expires_at, created_at) values (?, ?, ?, ?, ?)
                returning id
                """).params(caseId, hash(salt, code), salt, Timestamp.from(now.plus(LIFETIME)), Timestamp.from(now))
                .query(Long.class).single();
        notifications.send(new Notification("otp:" + caseId + ":" + id, NotificationKind.CITIZEN_CODE,
                new Notification.Recipient.Citizen(mobile.get()), Map.of("code", trackingCode, "otp", code), caseId, true));
        return true;
    }

    /** Whether the code is the case's current one, unexpired, within its tries; each wrong try counts. */
    @Transactional
    public boolean verify(long caseId, String code) {
        record Current(long id, String hash, String salt, int tries) {
        }
        Instant now = clock.instant();
        var current = jdbc.sql("""
                select id, code_hash, salt, tries from citizen_code
                where case_id = ? and not used and expires_at > ? order by id desc limit 1 for update
                """).params(caseId, Timestamp.from(now))
                .query((rs, n) -> new Current(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).optional();
        if (current.isEmpty() || current.get().tries() >= TRIES) {
            return false;
        }
        boolean ok = code != null && code.matches("\\d{6}") && MessageDigest.isEqual(
                hash(current.get().salt(), code).getBytes(StandardCharsets.US_ASCII),
                current.get().hash().getBytes(StandardCharsets.US_ASCII));
        jdbc.sql(ok ? "update citizen_code set used = true where id = ?" : "update citizen_code set tries = tries + 1 where id = ?")
                .param(current.get().id()).update();
        return ok;
    }

    static String hash(String salt, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
