package org.fengqiao.platform;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.crypto.digests.SM3Digest;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash chain of the platform's immutable records (case events, audit entries): each record's hash is SM3
 * (GB/T 32905) over the previous record's hash and the record's canonical content, so changing, removing or
 * inserting a record breaks every later link. The canonical content is a sequence of length-prefixed UTF-8
 * fields (null and empty differ), times as microseconds since the epoch (what PostgreSQL keeps), JSON with its
 * keys sorted and its numbers in plain form, so the writer (from Java values) and the verifier (from the stored
 * row) arrive at the same bytes.
 */
public final class RecordChain {

    /** The "previous hash" of a chain's first record. */
    public static final byte[] GENESIS = new byte[32];

    private static final JsonMapper CANONICAL_READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private RecordChain() {
    }

    /**
     * A link that does not hold: which chain, which record, what differs.
     *
     * @param chain    {@code case}, {@code day} or {@code audit}
     * @param key      the case id, the day (ISO) or null for the audit chain
     * @param recordId the event or audit entry id, null for a day head or a case's tip
     * @param what     what differs, a message key of {@code i18n/records} ({@code records.break.*})
     */
    public record Break(String chain, String key, Long recordId, String what, String expected, String found) {
    }

    /** SM3 of {@code previous} followed by {@code content}. */
    public static byte[] link(byte[] previous, byte[] content) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(previous, 0, previous.length);
        sm3.update(content, 0, content.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return out;
    }

    /** A link over many parts (a day's event hashes), fed one at a time. */
    public static Running running(byte[] previous) {
        return new Running(previous);
    }

    /** See {@link #running}. */
    public static final class Running {
        private final SM3Digest sm3 = new SM3Digest();

        private Running(byte[] previous) {
            add(previous);
        }

        public void add(byte[] part) {
            byte[] b = part == null ? new byte[0] : part;
            sm3.update(b, 0, b.length);
        }

        public byte[] finish() {
            byte[] out = new byte[sm3.getDigestSize()];
            sm3.doFinal(out, 0);
            return out;
        }
    }

    public static String hex(byte[] hash) {
        return hash == null ? "-" : HexFormat.of().formatHex(hash);
    }

    /** Times are kept to the microsecond, as PostgreSQL keeps them: store what you hash. */
    public static Instant stored(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** Builds the canonical content of one record, field by field. */
    public static Content content(String kind) {
        return new Content().text(kind);
    }

    /** Canonical content: each field as a 4-byte length (-1 for null) and its UTF-8 bytes. */
    public static final class Content {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        private Content() {
        }

        public Content text(String value) {
            if (value == null) {
                length(-1);
            } else {
                byte[] b = value.getBytes(StandardCharsets.UTF_8);
                length(b.length);
                out.writeBytes(b);
            }
            return this;
        }

        public Content number(Long value) {
            return text(value == null ? null : value.toString());
        }

        public Content time(Instant value) {
            return text(value == null ? null : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, value)));
        }

        /** A JSON document in canonical form, whether it comes from Java or from PostgreSQL's {@code jsonb}. */
        public Content json(String document) {
            return text(document == null ? null : canonicalJson(document));
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        private void length(int n) {
            out.write(n >>> 24);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
        }
    }

    /** The JSON document with object keys sorted, no spaces and numbers in plain decimal form. */
    static String canonicalJson(String document) {
        StringBuilder sb = new StringBuilder(document.length());
        write(CANONICAL_READER.readTree(document), sb);
        return sb.toString();
    }

    private static void write(JsonNode node, StringBuilder sb) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(e.getKey(), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(node.get(i), sb);
            }
            sb.append(']');
        } else if (node.isString()) {
            string(node.stringValue(), sb);
        } else if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            sb.append(d.signum() == 0 ? "0" : d.toPlainString());
        } else if (node.isBoolean()) {
            sb.append(node.booleanValue());
        } else {
            sb.append("null");
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        sb.append('"');
    }
}
