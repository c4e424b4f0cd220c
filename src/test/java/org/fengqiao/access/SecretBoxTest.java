package org.fengqiao.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

import org.fengqiao.platform.DatabaseProperties;

class SecretBoxTest {

    private static final DatabaseProperties THROWAWAY = new DatabaseProperties(Path.of("unused"), true, false, Map.of());
    private final byte[] keyBytes = new byte[32];
    private final SecretBox box;

    SecretBoxTest() {
        new SecureRandom().nextBytes(keyBytes);
        box = new SecretBox(THROWAWAY, Base64.getEncoder().encodeToString(keyBytes));
    }

    @Test
    void aSecretIsSealedWithSm4GcmAndOpensAgain() throws Exception {
        byte[] sealed = box.seal("JBSWY3DPEHPK3PXP");

        assertThat(sealed[0]).isEqualTo((byte) 'S');
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("JBSWY3DPEHPK3PXP");
        // opened independently with BouncyCastle's SM4 under the first 16 bytes of the key
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(Arrays.copyOf(keyBytes, 16)), 128,
                Arrays.copyOfRange(sealed, 1, 13)));
        byte[] out = new byte[gcm.getOutputSize(sealed.length - 13)];
        int n = gcm.processBytes(sealed, 13, sealed.length - 13, out, 0);
        n += gcm.doFinal(out, n);
        assertThat(new String(out, 0, n, StandardCharsets.UTF_8)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(box.open(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void aSecretSealedByEarlierVersionsWithAesStillOpens() throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"), new GCMParameterSpec(128, iv));
        byte[] body = aes.doFinal("OLDSECRET".getBytes(StandardCharsets.UTF_8));
        byte[] legacy = ByteBuffer.allocate(12 + body.length).put(iv).put(body).array();

        assertThat(box.open(legacy)).isEqualTo("OLDSECRET");
    }

    @Test
    void aSecretDoesNotOpenUnderAnotherKeyOrWhenAltered() {
        byte[] sealed = box.seal("JBSWY3DPEHPK3PXP");
        SecretBox other = new SecretBox(THROWAWAY, null);
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(altered)).isInstanceOf(IllegalStateException.class);
    }
}
