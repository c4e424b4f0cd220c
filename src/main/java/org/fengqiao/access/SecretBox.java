package org.fengqiao.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.fengqiao.platform.DatabaseProperties;

/**
 * Keeps account secrets (two-factor keys) encrypted at rest with SM4-GCM (GB/T 32907, BouncyCastle; the first 16
 * bytes of the key) under a key that never enters the database: {@code fengqiao.security.secret-key} (Base64 of 32 bytes) when set, else a key file
 * {@code <data-dir>/keys/account-secrets.key} made on first use, readable by its owner only; a throw-away
 * platform (tests) keeps a random key in memory. A sealed value is {@code 'S'}, a 12-byte nonce, the ciphertext and
 * the tag; values sealed by earlier versions with AES-256-GCM (no marker) still open and are sealed anew with SM4
 * at the next enrolment.
 */
@Component
class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final byte SM4_MARK = 'S';
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec legacyAesKey;
    private final KeyParameter sm4Key;

    SecretBox(DatabaseProperties database, @Value("${fengqiao.security.secret-key:}") String configured) {
        byte[] bytes = keyBytes(database, configured);
        this.legacyAesKey = new SecretKeySpec(bytes, "AES");
        this.sm4Key = new KeyParameter(Arrays.copyOf(bytes, 16));
    }

    byte[] seal(String clear) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        GCMModeCipher gcm = sm4(true, nonce);
        byte[] in = clear.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[1 + NONCE + gcm.getOutputSize(in.length)];
        out[0] = SM4_MARK;
        System.arraycopy(nonce, 0, out, 1, NONCE);
        int n = gcm.processBytes(in, 0, in.length, out, 1 + NONCE);
        try {
            gcm.doFinal(out, 1 + NONCE + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    String open(byte[] sealed) {
        if (sealed.length > 1 + NONCE && sealed[0] == SM4_MARK) {
            GCMModeCipher gcm = sm4(false, Arrays.copyOfRange(sealed, 1, 1 + NONCE));
            byte[] out = new byte[gcm.getOutputSize(sealed.length - 1 - NONCE)];
            try {
                int n = gcm.processBytes(sealed, 1 + NONCE, sealed.length - 1 - NONCE, out, 0);
                n += gcm.doFinal(out, n);
                return new String(out, 0, n, StandardCharsets.UTF_8);
            } catch (InvalidCipherTextException notSm4) {
                // an AES value whose random nonce began with the marker: open it as such below
            }
        }
        return openLegacyAes(sealed);
    }

    private GCMModeCipher sm4(boolean encrypt, byte[] nonce) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(sm4Key, TAG_BITS, nonce));
        return gcm;
    }

    private String openLegacyAes(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, legacyAesKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            return new String(cipher.doFinal(sealed, NONCE, sealed.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an account secret cannot be opened with this key", e);
        }
    }

    private static byte[] keyBytes(DatabaseProperties database, String configured) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(configured.strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("fengqiao.security.secret-key must be 32 bytes in Base64");
            }
            return bytes;
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        if (database.ephemeral()) {
            return fresh;
        }
        Path file = database.dataDir().resolve("keys").resolve("account-secrets.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions protect it
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
