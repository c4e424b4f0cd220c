package org.fengqiao.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.fengqiao.platform.DatabaseProperties;

/**
 * Keeps account secrets (two-factor keys) encrypted at rest with AES-256-GCM under a key that never enters the
 * database: {@code fengqiao.security.secret-key} (Base64 of 32 bytes) when set, else a key file
 * {@code <data-dir>/keys/account-secrets.key} made on first use, readable by its owner only; a throw-away
 * platform (tests) keeps a random key in memory.
 */
@Component
class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretBox(DatabaseProperties database, @Value("${fengqiao.security.secret-key:}") String configured) {
        this.key = new SecretKeySpec(keyBytes(database, configured), "AES");
    }

    byte[] seal(String clear) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(clear.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), java.nio.charset.StandardCharsets.UTF_8);
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
