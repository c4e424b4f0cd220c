package org.fengqiao.citizens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.cases.CitizenAccess;
import org.fengqiao.cases.CitizenCases;

/**
 * The citizen's access keys: random (80 bits, 16 characters of an alphabet without look-alikes), shown once and
 * stored only as their SHA-256 (a key that random needs no slow hash). A case may have several: one from the
 * online report, one per printed receipt.
 */
@Service
public class AccessKeys implements CitizenAccess {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CitizenCases cases;
    private final CitizenProperties properties;
    private final Clock clock;

    AccessKeys(JdbcClient jdbc, CitizenCases cases, CitizenProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.properties = properties;
        this.clock = clock;
    }

    /** The key the report being registered on this thread will carry ({@link CitizenMessages} stores it). */
    static final ThreadLocal<String> PENDING = new ThreadLocal<>();

    static <T> T withPendingKey(String key, java.util.function.Supplier<T> registration) {
        PENDING.set(key);
        try {
            return registration.get();
        } finally {
            PENDING.remove();
        }
    }

    /** A new random key, in clear. */
    static String newKeyText() {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return key.toString();
    }

    /** Stores the key's hash for the case. */
    void store(long caseId, String key) {
        jdbc.sql("insert into citizen_access_key (case_id, key_hash, issued_at) values (?, ?, ?)")
                .params(caseId, hash(key), Timestamp.from(clock.instant())).update();
    }

    /** A new key for the case, stored as its hash; the clear key is returned this once. */
    @Transactional
    public String newKey(long caseId) {
        String key = newKeyText();
        store(caseId, key);
        return key;
    }

    @Override
    @Transactional
    public Issued issue(long caseId) {
        String code = cases.view(caseId).orElseThrow().trackingCode();
        String url = trackingUrl(code);
        return new Issued(url, qrDataUri(url), format(newKey(caseId)));
    }

    /** Whether the key (spaces, dashes and case ignored) opens this case. */
    @Transactional(readOnly = true)
    public boolean opens(long caseId, String key) {
        String clean = key == null ? "" : key.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        if (clean.length() != 16) {
            return false;
        }
        return jdbc.sql("select count(*) from citizen_access_key where case_id = ? and key_hash = ?")
                .params(caseId, hash(clean)).query(Integer.class).single() > 0;
    }

    public String trackingUrl(String trackingCode) {
        return properties.publicUrl() + "/public/track?code=" + trackingCode;
    }

    /** The key in groups of four, easier to read out and type. */
    static String format(String key) {
        return key.replaceAll("(.{4})(?!$)", "$1-");
    }

    /** A QR code of the text as a PNG data URI (ZXing). */
    public static String qrDataUri(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
