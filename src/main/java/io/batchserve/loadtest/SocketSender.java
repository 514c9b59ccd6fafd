package io.batchserve.loadtest;

import io.batchserve.loadtest.report.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * POSTs bodies to {@code /invocations} over plain HTTP/1.1 on blocking sockets, doing as little per
 * request as it can: one keep-alive connection per request in flight (taken from a pool of idle
 * ones, returned after the answer), the request head written from bytes built once plus the body's
 * length into the connection's own buffer (a small body goes out with it in one write), and the
 * answer read into a reused buffer and counted line by line without being kept. Per request it
 * allocates only the {@link Reply}. All the work happens on the calling thread, so that thread's
 * CPU time is the request's whole client cost.
 *
 * <p>A request whose reused connection fails before any byte of the answer (the server closed it
 * while idle) is sent once more on a new connection. {@link #abortInFlight} closes every open
 * connection, which ends the blocked reads of those in use: that is how an interrupted run stops
 * waiting. Thread-safe.
 */
final class SocketSender implements Sender {
  private static final int BUFFER = 64 * 1024;
  private static final int ERROR_SNIPPET = 1000;

  private final InetSocketAddress address;
  private final byte[] headStart;
  private final int timeoutMillis;
  private final String timeoutText;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

  /** Every open connection, idle or in use: registered once, when it is opened. */
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();

  SocketSender(Target target, String contentType) {
    if (!"http".equals(target.url().getScheme())) {
      throw new IllegalArgumentException("plain http only, not " + target.url());
    }
    int port = target.url().getPort() == -1 ? 80 : target.url().getPort();
    this.address = new InetSocketAddress(target.url().getHost(), port);
    this.headStart = headStart(target, contentType, port);
    this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, target.timeout().toMillis());
    this.timeoutText = "no answer within " + Format.millis(target.timeout().toMillis());
  }

  private static byte[] headStart(Target target, String contentType, int port) {
    String path = target.resolve("/invocations").getRawPath();
    StringBuilder head =
        new StringBuilder("POST ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(target.url().getHost())
            .append(':')
            .append(port)
            .append("\r\nContent-Type: ")
            .append(contentType)
            .append("\r\nAccept: ")
            .append(target.accept() != null ? target.accept() : contentType)
            .append("\r\n");
    if (target.model() != null) {
      head.append("X-Amzn-SageMaker-Custom-Attributes: model=")
          .append(target.model())
          .append("\r\n");
    }
    return head.append("Content-Length: ").toString().getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public Reply send(PackedBody body) throws InterruptedException {
    Connection connection = idle.pollFirst();
    if (connection != null) {
      Reply reply = exchange(connection, body, true);
      if (reply != null) {
        return reply;
      }
    }
    try {
      connection = new Connection(address, timeoutMillis);
    } catch (IOException e) {
      return Reply.noAnswer(describe(e));
    }
    open.add(connection);
    return exchange(connection, body, false);
  }

  /**
   * One request on {@code connection}; null when a reused connection failed before the answer
   * began, so that the caller may try a new one.
   */
  private Reply exchange(Connection connection, PackedBody body, boolean reused)
      throws InterruptedException {
    try {
      Reply reply = connection.exchange(headStart, body);
      if (connection.keepAlive) {
        idle.offerFirst(connection);
      } else {
        discard(connection);
      }
      return reply;
    } catch (IOException e) {
      discard(connection);
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("request aborted");
      }
      if (reused && !connection.answerStarted) {
        return null;
      }
      return Reply.noAnswer(e instanceof SocketTimeoutException ? timeoutText : describe(e));
    }
  }

  private void discard(Connection connection) {
    open.remove(connection);
    connection.close();
  }

  /** Closes every connection: those in use end their requests, idle ones are opened anew. */
  @Override
  public void abortInFlight() {
    open.forEach(Connection::close);
  }

  @Override
  public void close() {
    abortInFlight();
    for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      c.close();
    }
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** One keep-alive connection and its buffers; used by one thread at a time. */
  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private boolean keepAlive;
    private boolean answerStarted;

    // The answer being read: buffer[position .. limit) is unread.
    private int position;
    private int limit;

    Connection(InetSocketAddress address, int timeoutMillis) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(address, Math.min(timeoutMillis, 10_000));
      socket.setSoTimeout(timeoutMillis);
      out = socket.getOutputStream();
      in = socket.getInputStream();
    }

    Reply exchange(byte[] headStart, PackedBody body) throws IOException {
      answerStarted = false;
      write(headStart, body.bytes());
      position = 0;
      limit = 0;
      return read();
    }

    private void write(byte[] headStart, byte[] body) throws IOException {
      int at = headStart.length;
      System.arraycopy(headStart, 0, buffer, 0, at);
      at = writeDigits(body.length, at);
      buffer[at++] = '\r';
      buffer[at++] = '\n';
      buffer[at++] = '\r';
      buffer[at++] = '\n';
      if (body.length <= buffer.length - at) {
        System.arraycopy(body, 0, buffer, at, body.length);
        out.write(buffer, 0, at + body.length);
      } else {
        out.write(buffer, 0, at);
        out.write(body);
      }
      out.flush();
    }

    private int writeDigits(int value, int at) {
      int digits = value < 10 ? 1 : (int) Math.log10(value) + 1;
      for (int i = at + digits - 1; i >= at; i--) {
        buffer[i] = (byte) ('0' + value % 10);
        value /= 10;
      }
      return at + digits;
    }

    /** Reads status line, headers and body; the body's lines are counted, not kept. */
    private Reply read() throws IOException {
      int status = statusLine();
      long length = -1;
      boolean chunked = false;
      for (int lineEnd = lineEnd(); lineEnd != position; lineEnd = lineEnd()) {
        if (header("content-length", lineEnd)) {
          length = decimal(lineEnd);
        } else if (header("transfer-encoding", lineEnd)) {
          chunked = value(lineEnd).toLowerCase(Locale.ROOT).contains("chunked");
        } else if (header("connection", lineEnd)) {
          keepAlive = !value(lineEnd).equalsIgnoreCase("close");
        }
        position = lineEnd + 2;
      }
      position += 2;
      Body answer = new Body(status < 200 || status >= 300);
      if (chunked) {
        readChunked(answer);
      } else if (length >= 0) {
        readBytes(answer, length);
      } else {
        keepAlive = false;
        readBytes(answer, Long.MAX_VALUE);
      }
      return answer.reply(status);
    }

    private int statusLine() throws IOException {
      int lineEnd = lineEnd();
      answerStarted = true;
      if (lineEnd - position < 12 || buffer[position] != 'H' || buffer[position + 8] != ' ') {
        throw new IOException("not an HTTP/1.1 answer");
      }
      int status =
          (buffer[position + 9] - '0') * 100
              + (buffer[position + 10] - '0') * 10
              + (buffer[position + 11] - '0');
      keepAlive = buffer[position + 7] == '1';
      position = lineEnd + 2;
      return status;
    }

    /** The position of the next CRLF at or after {@code position}, reading more as needed. */
    private int lineEnd() throws IOException {
      int scanned = 0;
      while (true) {
        for (int i = position + scanned; i + 1 < limit; i++) {
          if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
            return i;
          }
        }
        // Offsets from position survive fill(), which moves the unread bytes to the front.
        scanned = Math.max(0, limit - position - 1);
        if (!fill()) {
          throw new IOException("the connection closed in the middle of an answer's head");
        }
      }
    }

    /** Moves the unread bytes to the front and reads more; false at the end of the stream. */
    private boolean fill() throws IOException {
      if (position > 0) {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
      }
      if (limit == buffer.length) {
        throw new IOException("an answer's header line is over " + BUFFER + " bytes");
      }
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        return false;
      }
      limit += read;
      return true;
    }

    private boolean header(String lowerName, int lineEnd) {
      int n = lowerName.length();
      if (lineEnd - position <= n || buffer[position + n] != ':') {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (Character.toLowerCase(buffer[position + i]) != lowerName.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    private String value(int lineEnd) {
      int colon = position;
      while (buffer[colon] != ':') {
        colon++;
      }
      return new String(buffer, colon + 1, lineEnd - colon - 1, StandardCharsets.US_ASCII).strip();
    }

    /** A header's value as a decimal number, read in place. */
    private long decimal(int lineEnd) throws IOException {
      int i = position;
      while (buffer[i] != ':') {
        i++;
      }
      long value = 0;
      int digits = 0;
      for (i++; i < lineEnd; i++) {
        byte b = buffer[i];
        if (b >= '0' && b <= '9' && digits < 18) {
          value = value * 10 + (b - '0');
          digits++;
        } else if (b != ' ' && b != '\t') {
          throw new IOException("bad number in an answer's head: " + value(lineEnd));
        }
      }
      if (digits == 0) {
        throw new IOException("an empty number in an answer's head");
      }
      return value;
    }

    private void readBytes(Body answer, long length) throws IOException {
      long left = length;
      while (left > 0) {
        if (position == limit) {
          position = 0;
          limit = 0;
          if (!fill()) {
            if (length == Long.MAX_VALUE) {
              return;
            }
            throw new IOException(
                "the connection closed " + left + " bytes before the answer's end");
          }
        }
        int take = (int) Math.min(left, limit - position);
        answer.take(buffer, position, take);
        position += take;
        left -= take;
      }
    }

    private void readChunked(Body answer) throws IOException {
      while (true) {
        int lineEnd = lineEnd();
        // A chunk-size line is its hexadecimal size; number() reads from after a colon, so parse
        // here.
        String size =
            new String(buffer, position, lineEnd - position, StandardCharsets.US_ASCII).strip();
        int semicolon = size.indexOf(';');
        long length;
        try {
          length = Long.parseLong(semicolon < 0 ? size : size.substring(0, semicolon), 16);
        } catch (NumberFormatException e) {
          throw new IOException("bad chunk size in an answer: " + size, e);
        }
        position = lineEnd + 2;
        if (length == 0) {
          for (int end = lineEnd(); end != position; end = lineEnd()) {
            position = end + 2;
          }
          position += 2;
          return;
        }
        readBytes(answer, length);
        position = lineEnd() + 2;
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing to abort or discard: nothing to do about a failure.
      }
    }
  }

  /** An answer body as it streams past: its lines counted, an error's first bytes kept. */
  private static final class Body {
    private final byte[] snippet;
    private int kept;
    private int lines;
    private long bytes;
    private byte last;

    Body(boolean error) {
      snippet = error ? new byte[ERROR_SNIPPET] : null;
    }

    void take(byte[] from, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        if (from[i] == '\n') {
          lines++;
        }
      }
      if (length > 0) {
        last = from[offset + length - 1];
        bytes += length;
      }
      if (snippet != null && kept < snippet.length) {
        int n = Math.min(length, snippet.length - kept);
        System.arraycopy(from, offset, snippet, kept, n);
        kept += n;
      }
    }

    Reply reply(int status) {
      if (snippet != null) {
        String text = new String(snippet, 0, kept, StandardCharsets.UTF_8).strip();
        return new Reply(status, 0, text.replaceAll("\\s+", " "));
      }
      return new Reply(status, bytes > 0 && last != '\n' ? lines + 1 : lines, "");
    }
  }
}
