package org.fengqiao.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.audit.AuditLog;
import org.fengqiao.organisation.AccountState;
import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;

/**
 * Two-factor sign-in with time-based one-time codes (RFC 6238, 30-second steps, six digits) from an
 * authenticator app, and ten single-use recovery codes. Required for administrators when
 * {@code fengqiao.security.admin-two-factor} is on (the default), optional for everyone else; the demo's
 * accounts are exempt while the platform runs with {@code --demo}. A code is accepted once: the step it
 * belongs to is remembered.
 */
@Service
public class TwoFactor {

    private static final int RECOVERY_CODES = 10;

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Staff staff;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean adminRequired;
    private final boolean demo;
    private final DefaultCodeGenerator codes = new DefaultCodeGenerator();

    TwoFactor(JdbcClient jdbc, SecretBox box, Staff staff, AuditLog audit, Clock clock,
              @Value("${fengqiao.security.admin-two-factor:true}") boolean adminRequired,
              @Value("${fengqiao.demo.enabled:false}") boolean demo) {
        this.jdbc = jdbc;
        this.box = box;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
        this.adminRequired = adminRequired;
        this.demo = demo;
    }

    /** Whether the demo's accounts are let off password changes and two-factor login (running with --demo). */
    public boolean demoExemption() {
        return demo;
    }

    /** Whether this account is let off (a demo account while the demo runs). */
    public boolean exempt(long userId) {
        return demo && staff.accountState(userId).demoAccount();
    }

    public boolean enrolled(long userId) {
        return jdbc.sql("select count(*) from staff_two_factor where user_id = ?").param(userId)
                .query(Long.class).single() > 0;
    }

    /** Whether this user must have a second factor before working. */
    public boolean required(Actor actor) {
        return adminRequired && actor.has(Role.ADMIN) && !exempt(actor.userId());
    }

    /** A new secret to enrol with, not yet stored. */
    public String newSecret() {
        return new DefaultSecretGenerator().generate();
    }

    /** The QR code (PNG data URI) an authenticator app scans to add the account. */
    public String qrCode(String secret, String username, String issuer) {
        QrData data = new QrData.Builder().label(username).secret(secret).issuer(issuer).digits(6).period(30).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            generator.setImageSize(240);
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores the secret if the code proves the app has it, and returns the recovery codes (the only time they
     * are shown); empty when the code is wrong.
     */
    @Transactional
    public List<String> enrol(Actor actor, String secret, String code) {
        long step = matchingStep(secret, code, 0);
        if (step < 0) {
            return List.of();
        }
        jdbc.sql("delete from staff_two_factor where user_id = ?").param(actor.userId()).update();
        jdbc.sql("delete from staff_recovery_code where user_id = ?").param(actor.userId()).update();
        jdbc.sql("insert into staff_two_factor (user_id, secret, enrolled_at, last_step) values (?, ?, ?, ?)")
                .params(actor.userId(), box.seal(secret), clock.instant().atOffset(ZoneOffset.UTC), step).update();
        List<String> recovery = List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
        for (String r : recovery) {
            jdbc.sql("insert into staff_recovery_code (user_id, code_hash) values (?, ?)")
                    .params(actor.userId(), digest(r)).update();
        }
        audit.recordAccount(actor.userId(), actor.unitId(), AuditLog.Action.TWO_FACTOR_ENROLLED,
                "user:" + actor.userId(), Map.of());
        return recovery;
    }

    /** Switches the second factor off (not allowed where it is required). */
    @Transactional
    public void remove(Actor actor) {
        jdbc.sql("delete from staff_two_factor where user_id = ?").param(actor.userId()).update();
        jdbc.sql("delete from staff_recovery_code where user_id = ?").param(actor.userId()).update();
        audit.recordAccount(actor.userId(), actor.unitId(), AuditLog.Action.TWO_FACTOR_REMOVED,
                "user:" + actor.userId(), Map.of());
    }

    /**
     * An administrator takes a user's second factor away (a lost phone): the secret and recovery codes are
     * deleted, the reset is audited under the administrator's name, and the user enrols again at the next sign-in
     * where two factors are required. Returns whether the user had one.
     */
    @Transactional
    public boolean resetBy(Actor admin, long userId) {
        int removed = jdbc.sql("delete from staff_two_factor where user_id = ?").param(userId).update();
        jdbc.sql("delete from staff_recovery_code where user_id = ?").param(userId).update();
        if (removed > 0) {
            audit.recordAccount(admin.userId(), admin.unitId(), AuditLog.Action.TWO_FACTOR_RESET,
                    "user:" + userId, Map.of());
        }
        return removed > 0;
    }

    /** Checks a code from the app, or an unused recovery code (which is then used up). */
    @Transactional
    public boolean verify(long userId, String code) {
        if (code == null) {
            return false;
        }
        String entered = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        var stored = jdbc.sql("select secret, last_step from staff_two_factor where user_id = ? for update")
                .param(userId).query((rs, n) -> Map.entry(rs.getBytes(1), rs.getLong(2))).optional();
        if (stored.isEmpty()) {
            return false;
        }
        if (entered.matches("\\d{6}")) {
            long step = matchingStep(box.open(stored.get().getKey()), entered, stored.get().getValue());
            if (step < 0) {
                return false;
            }
            jdbc.sql("update staff_two_factor set last_step = ? where user_id = ?").params(step, userId).update();
            return true;
        }
        return jdbc.sql("""
                update staff_recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null
                """).params(clock.instant().atOffset(ZoneOffset.UTC), userId, digest(formatRecovery(entered)))
                .update() == 1;
    }

    /** The time step (of now, one before or one after) whose code this is, later than {@code after}; or -1. */
    private long matchingStep(String secret, String code, long after) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return -1;
        }
        long now = clock.instant().getEpochSecond() / 30;
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                if (step > after && MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.UTF_8),
                        code.strip().getBytes(StandardCharsets.UTF_8))) {
                    return step;
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException(e);
            }
        }
        return -1;
    }

    /** Recovery codes are shown as xxxx-xxxx-xxxx-xxxx; people may type them without the dashes. */
    private static String formatRecovery(String compact) {
        return compact.length() == 16 ? String.join("-", compact.substring(0, 4), compact.substring(4, 8),
                compact.substring(8, 12), compact.substring(12)) : compact;
    }

    private static byte[] digest(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
