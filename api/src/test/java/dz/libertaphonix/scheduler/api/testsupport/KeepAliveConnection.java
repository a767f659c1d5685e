package dz.libertaphonix.scheduler.api.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 keep-alive connection, read as a browser or an HTTP client library reads it: an
 * answer ends where its framing says (a {@code Content-Length}, or chunked transfer), never when
 * the server closes the connection. An answer without framing is an error at once, and a read that
 * waits longer than the timeout is an error too, so a test fails instead of hanging.
 */
public final class KeepAliveConnection implements AutoCloseable {

    /** An answer: status, headers (names in lower case, repeated values joined by ", "), body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public KeepAliveConnection(String host, int port, Duration readTimeout) throws IOException {
        this.host = host;
        this.socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), (int) readTimeout.toMillis());
        socket.setSoTimeout((int) readTimeout.toMillis());
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Sends a GET and reads its answer; the connection stays open for the next request. */
    public Answer get(String pathAndQuery, Map<String, String> headers) throws IOException {
        StringBuilder request = new StringBuilder()
                .append("GET ")
                .append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append("\r\nConnection: keep-alive\r\nAccept: application/json\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readAnswer();
    }

    private Answer readAnswer() throws IOException {
        String statusLine = readLine();
        String[] status = statusLine.split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.merge(name, value, (first, next) -> first + ", " + next);
        }
        return new Answer(Integer.parseInt(status[1]), headers, readBody(headers));
    }

    private byte[] readBody(Map<String, String> headers) throws IOException {
        String transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null) {
            if (!transferEncoding.equalsIgnoreCase("chunked")) {
                throw new IOException("Transfer-Encoding '" + transferEncoding + "' is not chunked framing:"
                        + " the answer could only end when the server closes the connection " + headers);
            }
            return readChunks();
        }
        String contentLength = headers.get("content-length");
        if (contentLength == null) {
            throw new IOException("neither Content-Length nor chunked transfer: the answer could only end"
                    + " when the server closes the connection " + headers);
        }
        int length = Integer.parseInt(contentLength);
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("the server closed the connection after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    private byte[] readChunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // trailers carry nothing this client needs
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int next = in.read();
            if (next == -1) {
                throw new IOException("the server closed the connection in the middle of an answer");
            }
            if (previous == '\r' && next == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(next);
            previous = next;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
