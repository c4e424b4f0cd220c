package org.fengqiao.citizens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.cases.CaseReplies;
import org.fengqiao.cases.CaseReply;
import org.fengqiao.cases.CitizenCases;
import org.fengqiao.cases.Rating;
import org.fengqiao.platform.ProblemException;

/**
 * Following a matter: the tracking code with the access key or a one-time code opens it; what the citizen then
 * sees is {@link CitizenCases.PublicCase} and the replies. Once opened, the page carries a pass (the case id and an
 * expiry signed with HMAC-SHA256 under a secret of this instance, 30 minutes) so the evaluation form needs no key
 * again and the server keeps no session. A wrong code or key says only that it does not match.
 */
@Service
public class PublicTracking {

    static final Duration PASS_LIFETIME = Duration.ofMinutes(30);

    /** What the tracking page shows. */
    public record Tracked(CitizenCases.PublicCase matter, java.util.List<CaseReply> replies,
                          Optional<EvaluationWindows.Window> window, boolean mayEvaluate, String pass) {
    }

    private final CitizenCases cases;
    private final CaseReplies replies;
    private final AccessKeys keys;
    private final OneTimeCodes codes;
    private final EvaluationWindows windows;
    private final Clock clock;
    private final byte[] secret = new byte[32];

    PublicTracking(CitizenCases cases, CaseReplies replies, AccessKeys keys, OneTimeCodes codes,
                   EvaluationWindows windows, Clock clock) {
        this.cases = cases;
        this.replies = replies;
        this.keys = keys;
        this.codes = codes;
        this.windows = windows;
        this.clock = clock;
        new SecureRandom().nextBytes(secret);
    }

    /** The case the code and key open; refused with "does not match" otherwise. */
    @Transactional(readOnly = true)
    public Tracked withKey(String trackingCode, String key) {
        long id = cases.idOf(clean(trackingCode)).filter(c -> keys.opens(c, key)).orElseThrow(PublicTracking::noMatch);
        return tracked(id);
    }

    /** The case the code and one-time code open (each wrong try counts against the code). */
    @Transactional(noRollbackFor = ProblemException.class)
    public Tracked withOneTimeCode(String trackingCode, String otp) {
        long id = cases.idOf(clean(trackingCode)).filter(c -> codes.verify(c, otp)).orElseThrow(PublicTracking::noMatch);
        return tracked(id);
    }

    /** Sends a one-time code to the case's phone when the code names a case that has one. */
    public void sendCode(String trackingCode) {
        cases.idOf(clean(trackingCode)).ifPresent(id -> codes.send(id, clean(trackingCode)));
    }

    /** The case a valid pass opens. */
    @Transactional(readOnly = true)
    public Tracked withPass(String pass) {
        return tracked(caseOf(pass));
    }

    /** The citizen's own rating, within the window; refused once it closed or the case is not closed. */
    @Transactional
    public void evaluate(String pass, Rating rating, String comment) {
        long id = caseOf(pass);
        if (!windows.of(id).map(w -> w.isOpenAt(clock.instant())).orElse(false)) {
            throw new ProblemException.InvalidInput("rating", "public.evaluate.closed");
        }
        cases.evaluate(id, rating, comment == null || comment.isBlank() ? null : comment.strip());
    }

    private Tracked tracked(long id) {
        CitizenCases.PublicCase matter = cases.view(id).orElseThrow(PublicTracking::noMatch);
        Optional<EvaluationWindows.Window> window = windows.of(id);
        boolean may = window.map(w -> w.isOpenAt(clock.instant())).orElse(false)
                && matter.status() == org.fengqiao.cases.CaseStatus.CLOSED;
        return new Tracked(matter, replies.of(id), window, may, pass(id));
    }

    String pass(long caseId) {
        String body = caseId + "." + clock.instant().plus(PASS_LIFETIME).getEpochSecond();
        return body + "." + sign(body);
    }

    long caseOf(String pass) {
        String[] parts = pass == null ? new String[0] : pass.split("\\.");
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,12}")
                || !MessageDigest.isEqual(sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))
                || Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
            throw new ProblemException.InvalidInput("pass", "public.track.expired");
        }
        return Long.parseLong(parts[0]);
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String clean(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    static ProblemException noMatch() {
        return new ProblemException.InvalidInput("code", "public.track.noMatch");
    }
}
