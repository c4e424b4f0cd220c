package org.fengqiao.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Seals and opens personal data with SM4-GCM (BouncyCastle), and hashes values to search by with HMAC-SM3.
 * A sealed value is {@code v<version>:<base64 of a fresh 12-byte nonce, the ciphertext and the 16-byte tag>}; the
 * field's name is authenticated with it, so a value moved to another column does not open. Thread-safe; the keys
 * can be replaced while running (a rotation adds a version).
 */
public final class PersonalData {

    /** The fields sealed; the name is bound into each value. */
    public enum Field { NAME, PHONE, ID_NUMBER, ADDRESS }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile DataKeys keys;
    private final Map<Integer, KeyParameter> sm4Keys = new ConcurrentHashMap<>();

    public PersonalData(DataKeys keys) {
        this.keys = keys;
    }

    public DataKeys keys() {
        return keys;
    }

    /** Uses these keys from now on (the versions of values already sealed must still be among them). */
    public void use(DataKeys next) {
        this.keys = next;
        sm4Keys.clear();
    }

    public int currentVersion() {
        return keys.current();
    }

    /** The value sealed with the current key version, or null for null. */
    public String seal(Field field, String clear) {
        if (clear == null) {
            return null;
        }
        DataKeys k = keys;
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        GCMModeCipher gcm = gcm(true, sm4Key(k, k.current()), nonce, field);
        byte[] in = clear.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(in.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int n = gcm.processBytes(in, 0, in.length, out, NONCE_BYTES);
        try {
            gcm.doFinal(out, NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return "v" + k.current() + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
    }

    /**
     * The clear value of a sealed one, or null for null.
     *
     * @throws SealedValueException when the value names a key version these keys lack, or does not open
     *                              (another key, another field, altered)
     */
    public String open(Field field, String sealed) {
        if (sealed == null) {
            return null;
        }
        int colon = sealed.indexOf(':');
        int version = versionOf(sealed);
        if (version < 0) {
            throw new SealedValueException("not a sealed value");
        }
        DataKeys k = keys;
        if (!k.versions().containsKey(version)) {
            throw new SealedValueException("sealed with key version v" + version + ", which the data key lacks");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new SealedValueException("not a sealed value");
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedValueException("not a sealed value");
        }
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        GCMModeCipher gcm = gcm(false, sm4Key(k, version), nonce, field);
        byte[] out = new byte[gcm.getOutputSize(all.length - NONCE_BYTES)];
        int n = gcm.processBytes(all, NONCE_BYTES, all.length - NONCE_BYTES, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new SealedValueException("does not open with key version v" + version);
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** The key version a sealed value names, or -1 when it is not a sealed value. */
    public static int versionOf(String sealed) {
        if (sealed == null || sealed.length() < 3 || sealed.charAt(0) != 'v') {
            return -1;
        }
        int colon = sealed.indexOf(':');
        if (colon < 2 || colon > 6) {
            return -1;
        }
        try {
            return Integer.parseInt(sealed, 1, colon, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The search hash of a phone number (digits only, without a leading 86 country code), or null. */
    public String phoneHash(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return digits.isEmpty() ? null : hash("phone", digits);
    }

    /**
     * The keyed hash of a client's network address, so rate limits and failure counters can tell clients apart
     * without keeping their addresses (never null: an unknown address hashes as the empty one).
     */
    public String clientHash(String address) {
        return hash("client", address == null ? "" : address.strip());
    }

    /** The search hash of an ID number (without spaces, upper case), or null. */
    public String idNumberHash(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        String normal = idNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return normal.isEmpty() ? null : hash("id", normal);
    }

    /** HMAC-SM3 of the kind and the normalised value under the search-hash secret, 16 bytes in base64. */
    String hash(String kind, String normalised) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(keys.indexSecret()));
        byte[] in = (kind + "\u0000" + normalised).getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return Base64.getEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(out, 16));
    }

    private KeyParameter sm4Key(DataKeys k, int version) {
        return sm4Keys.computeIfAbsent(version, v -> {
            // the SM4 key of a version: HMAC-SM3 of a label under the version's secret, first 16 bytes
            HMac mac = new HMac(new SM3Digest());
            mac.init(new KeyParameter(k.versions().get(v)));
            byte[] label = "fengqiao personal data SM4".getBytes(StandardCharsets.UTF_8);
            mac.update(label, 0, label.length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return new KeyParameter(out, 0, 16);
        });
    }

    private static GCMModeCipher gcm(boolean encrypt, KeyParameter key, byte[] nonce, Field field) {
        // the basic multiplier: the default one builds a 4 KB table on every init, which costs more than the few
        // blocks of a name or a phone number take to encrypt
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine(), new BasicGCMMultiplier());
        gcm.init(encrypt, new AEADParameters(key, TAG_BITS, nonce,
                field.name().getBytes(StandardCharsets.US_ASCII)));
        return gcm;
    }

    /** A sealed value that cannot be opened with the keys at hand. */
    public static final class SealedValueException extends RuntimeException {
        SealedValueException(String message) {
            super(message);
        }
    }
}
