package io.batchserve.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 spoken byte by byte over a socket, for requests no well-behaved client sends: broken
 * framing, bodies shorter than announced, duplicate headers, slow bodies.
 */
public final class RawHttp {
  private RawHttp() {}

  /** An answer as it came off the wire. */
  public record Answer(int status, String head, String body) {
    public String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /**
   * Sends {@code request}, then (if {@code halfClose}) ends the client's side, and reads the
   * answer.
   */
  public static Answer exchange(int port, String request, boolean halfClose) throws IOException {
    try (Socket socket = open(port)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
      return read(socket);
    }
  }

  public static Socket open(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(30_000);
    return socket;
  }

  /**
   * Reads one answer: its head, then Content-Length bytes of body (or up to the end of the stream).
   */
  public static Answer read(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before an answer's head: '" + head + "'");
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String headText = head.toString(StandardCharsets.ISO_8859_1);
    int status = Integer.parseInt(headText.substring(9, 12));
    Answer shell = new Answer(status, headText, "");
    String length = shell.header("Content-Length");
    byte[] body;
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else {
      body = readToEnd(in);
    }
    return new Answer(status, headText, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] readToEnd(InputStream in) throws IOException {
    try {
      return in.readAllBytes();
    } catch (SocketTimeoutException e) {
      return new byte[0];
    }
  }
}
