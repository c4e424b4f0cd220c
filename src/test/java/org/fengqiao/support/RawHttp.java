package org.fengqiao.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: request targets with any escapes (or none), invalid
 * UTF-8, huge headers and chunked bodies that a well-behaved client library would refuse to send.
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A response: status, headers (lower-case names, last value wins) and the body as text. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }
    }

    /** A request under construction. */
    public final class Request {
        private final String method;
        private final byte[] target;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean chunked;

        private Request(String method, byte[] target) {
            this.method = method;
            this.target = target;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request body(byte[] bytes, String contentType) {
            this.body = bytes;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return this;
        }

        public Request body(String text, String contentType) {
            return body(text.getBytes(StandardCharsets.UTF_8), contentType);
        }

        /** Sends the body with {@code Transfer-Encoding: chunked} and no length. */
        public Request chunked() {
            this.chunked = true;
            return this;
        }

        public Response send() {
            return exchange(this);
        }
    }

    public Request request(String method, String target) {
        return new Request(method, target.getBytes(StandardCharsets.ISO_8859_1));
    }

    public Request request(String method, byte[] target) {
        return new Request(method, target);
    }

    /** Signs in through the login form; the session cookie ({@code name=value}) to send as {@code Cookie}. */
    public String signIn(String user) {
        Response login = request("GET", "/login").send();
        String cookie = cookieOf(login);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"")
                .matcher(login.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        Response done = request("POST", "/login").header("Cookie", cookie)
                .body("username=" + user + "&password=" + java.net.URLEncoder.encode(Api.PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + java.net.URLEncoder.encode(m.group(1), StandardCharsets.UTF_8),
                        "application/x-www-form-urlencoded").send();
        if (done.status() != 302) {
            throw new IllegalStateException("cannot sign in as " + user + ": " + done.status());
        }
        String signedIn = cookieOf(done);
        return signedIn == null ? cookie : signedIn;
    }

    /** The CSRF token pages of this session carry, for the forms the probe posts. */
    public String csrfOf(String cookie) {
        Response page = request("GET", "/workbench").header("Cookie", cookie).send();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*content=\"([^\"]*)\"")
                .matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the workbench");
        }
        return m.group(1);
    }

    private static String cookieOf(Response r) {
        String set = r.header("set-cookie");
        return set == null ? null : set.split(";")[0];
    }

    private Response exchange(Request r) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write((r.method + " ").getBytes(StandardCharsets.ISO_8859_1));
            head.write(r.target);
            head.write(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (var h : r.headers.entrySet()) {
                head.write((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (r.body != null && r.chunked) {
                head.write("Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else if (r.body != null) {
                head.write(("Content-Length: " + r.body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(head.toByteArray());
            try {
                writeBody(out, r);
            } catch (IOException refused) {
                // the server may answer and close before reading the whole body: read what it said
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBody(OutputStream out, Request r) throws IOException {
        if (r.body == null) {
            return;
        }
        if (!r.chunked) {
            out.write(r.body);
            return;
        }
        int chunk = 8192;
        for (int i = 0; i < r.body.length; i += chunk) {
            int n = Math.min(chunk, r.body.length - i);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(r.body, i, n);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                all.write(buf, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no complete response head: " + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOf(body, "\r\n".getBytes(StandardCharsets.ISO_8859_1), i);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(n, body.length - lineEnd - 2));
            i = lineEnd + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        return indexOf(hay, needle, 0);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
