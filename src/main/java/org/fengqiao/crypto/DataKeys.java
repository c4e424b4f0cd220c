package org.fengqiao.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The data keys: one secret per key version (values name the version they were sealed with, so a rotation can
 * re-encrypt them while the older versions stay readable) and the secret of the search hashes, which does not
 * rotate (the hashes of equal values must stay equal). Written as a small properties text:
 * {@code index=…}, {@code v1=…}, {@code v2=…}, {@code current=2} (base64 secrets of 32 bytes); the same text,
 * entries separated by commas, may be given in the environment variable {@code FENGQIAO_DATA_KEY}.
 */
public record DataKeys(byte[] indexSecret, SortedMap<Integer, byte[]> versions, int current) {

    static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public DataKeys {
        versions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(versions));
        if (indexSecret == null || indexSecret.length < 16) {
            throw new IllegalArgumentException("the data key has no search-hash secret (index=)");
        }
        if (!versions.containsKey(current)) {
            throw new IllegalArgumentException("the data key has no secret for its current version v" + current);
        }
    }

    /** New keys: a search-hash secret and version 1. */
    public static DataKeys generate() {
        return new DataKeys(secret(), new TreeMap<>(Map.of(1, secret())), 1);
    }

    /** These keys with a new version, made current; the older versions stay readable. */
    public DataKeys withNewVersion() {
        TreeMap<Integer, byte[]> next = new TreeMap<>(versions);
        int version = versions.lastKey() + 1;
        next.put(version, secret());
        return new DataKeys(indexSecret, next, version);
    }

    /** These keys without the versions older than the current one (once no value uses them). */
    public DataKeys withoutOldVersions() {
        return new DataKeys(indexSecret, new TreeMap<>(Map.of(current, versions.get(current))), current);
    }

    /** Reads the properties text (lines or comma-separated entries; {@code #} starts a comment line). */
    public static DataKeys parse(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : text.split("[\\r\\n,]+")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("the data key holds an entry that is not name=value");
            }
            entries.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        TreeMap<Integer, byte[]> versions = new TreeMap<>();
        entries.forEach((name, value) -> {
            if (name.matches("v[1-9][0-9]{0,4}")) {
                versions.put(Integer.parseInt(name.substring(1)), decode(name, value));
            }
        });
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("the data key holds no key version (v1=…)");
        }
        String current = entries.get("current");
        String index = entries.get("index");
        if (index == null) {
            throw new IllegalArgumentException("the data key has no search-hash secret (index=)");
        }
        return new DataKeys(decode("index", index), versions,
                current == null ? versions.lastKey() : Integer.parseInt(current.replaceFirst("^v", "")));
    }

    /** The properties text of these keys. */
    public String format() {
        StringBuilder text = new StringBuilder("""
                # Fengqiao data keys (SM4 key versions and the search-hash secret). Keep this file apart from
                # database backups: without it the parties' personal data cannot be read.
                """);
        text.append("index=").append(Base64.getEncoder().encodeToString(indexSecret)).append('\n');
        versions.forEach((v, s) -> text.append('v').append(v).append('=')
                .append(Base64.getEncoder().encodeToString(s)).append('\n'));
        return text.append("current=").append(current).append('\n').toString();
    }

    /** A short, non-secret fingerprint of these keys (SM3 of their text), to match a key file to a backup. */
    public String fingerprint() {
        org.bouncycastle.crypto.digests.SM3Digest sm3 = new org.bouncycastle.crypto.digests.SM3Digest();
        byte[] in = format().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        sm3.update(in, 0, in.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return java.util.HexFormat.of().formatHex(out, 0, 8);
    }

    @Override
    public String toString() {
        return "DataKeys[versions=" + versions.keySet() + ", current=" + current + "]";
    }

    private static byte[] decode(String name, String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the data key's entry " + name + " is not base64");
        }
        if (bytes.length < 16) {
            throw new IllegalArgumentException("the data key's entry " + name + " is shorter than 16 bytes");
        }
        return bytes;
    }

    private static byte[] secret() {
        byte[] s = new byte[SECRET_BYTES];
        RANDOM.nextBytes(s);
        return s;
    }
}
