package io.batchserve.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.batchserve.codec.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The durable queue of an asynchronous endpoint: every accepted request is written to a journal
 * (one JSON line, forced to disk) before {@code InvokeEndpointAsync} answers 202, and every
 * finished one gets a second line once its result is written. Reopened after a crash ({@code kill
 * -9}), the journal gives back the requests that were accepted and not finished, in the order they
 * were accepted, so each runs to completion; since a result is written to a location named by its
 * inference id, a request run twice (finished but not yet journaled) writes the same one file.
 *
 * <p>A last line cut short by the crash is dropped; on opening, the journal is rewritten (to a
 * temporary file, then renamed) with the unfinished requests only. Thread-safe.
 */
final class AsyncJournal implements AutoCloseable {
  static final String FILE = "journal.jsonl";
  private final Path file;
  private final FileChannel channel;
  private final Map<String, Request> pending; // guarded by this
  private final Object forcing = new Object();
  private long written; // guarded by this: bytes written through this journal
  private long forced; // guarded by forcing: bytes known to be on disk

  /**
   * An accepted request: what {@code InvokeEndpointAsync} carried.
   *
   * @param id the inference id (the client's, or a generated one)
   * @param input {@code X-Amzn-SageMaker-InputLocation}
   * @param contentType {@code X-Amzn-SageMaker-Content-Type}, or null
   * @param accept {@code X-Amzn-SageMaker-Accept}, or null
   * @param customAttributes {@code X-Amzn-SageMaker-Custom-Attributes}, or null
   * @param acceptedAtMillis when it was accepted (epoch milliseconds), the start of its TTL
   * @param ttlSeconds {@code X-Amzn-SageMaker-RequestTTLSeconds}
   * @param timeoutSeconds {@code X-Amzn-SageMaker-InvocationTimeoutSeconds}
   */
  record Request(
      String id,
      String input,
      String contentType,
      String accept,
      String customAttributes,
      long acceptedAtMillis,
      int ttlSeconds,
      int timeoutSeconds) {}

  private AsyncJournal(Path file, FileChannel channel, Map<String, Request> pending) {
    this.file = file;
    this.channel = channel;
    this.pending = pending;
  }

  /** Opens (or creates) the journal in {@code dir}, replaying what a previous run left. */
  static AsyncJournal open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    Map<String, Request> pending = replay(file);
    Path fresh = dir.resolve(FILE + ".tmp");
    try (FileChannel out =
        FileChannel.open(
            fresh,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      for (Request r : pending.values()) {
        write(out, accepted(r));
      }
      out.force(true);
    }
    Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new AsyncJournal(file, channel, pending);
  }

  private static Map<String, Request> replay(Path file) throws IOException {
    Map<String, Request> pending = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return pending;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      JsonNode event;
      try {
        event = Json.MAPPER.readTree(line);
      } catch (IOException e) {
        continue; // the line a crash cut short: its request was never acknowledged
      }
      if (event == null || !event.has("event")) {
        continue;
      }
      String id = event.path("id").asText();
      if (event.path("event").asText().equals("accepted")) {
        pending.put(id, request(event));
      } else {
        pending.remove(id);
      }
    }
    return pending;
  }

  /**
   * Writes the request durably; returns once it is on disk. Concurrent accepts share a force (group
   * commit): one that finds its line already forced by another's returns at once.
   */
  void accept(Request request) throws IOException {
    long end;
    synchronized (this) {
      if (pending.containsKey(request.id())) {
        throw new IllegalArgumentException("inference id " + request.id() + " is already queued");
      }
      written += write(channel, accepted(request));
      end = written;
      pending.put(request.id(), request);
    }
    try {
      forceTo(end);
    } catch (IOException e) {
      synchronized (this) {
        pending.remove(request.id());
      }
      throw e;
    }
  }

  private void forceTo(long end) throws IOException {
    synchronized (forcing) {
      if (forced >= end) {
        return;
      }
      long target;
      synchronized (this) {
        target = written;
      }
      channel.force(false);
      forced = target;
    }
  }

  /**
   * Records that {@code id} finished ({@code succeeded} false: failed) after its result was
   * written. Not forced: a process crash loses nothing written, and after a power cut the request
   * runs again, writing the same output.
   */
  synchronized void finish(String id, boolean succeeded) throws IOException {
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.put("event", succeeded ? "succeeded" : "failed").put("id", id);
    written += write(channel, event);
    pending.remove(id);
  }

  /** The accepted and unfinished requests, in the order they were accepted. */
  synchronized List<Request> pending() {
    return new ArrayList<>(pending.values());
  }

  Path file() {
    return file;
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  private static ObjectNode accepted(Request r) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.put("event", "accepted").put("id", r.id()).put("input", r.input());
    event.put("contentType", r.contentType()).put("accept", r.accept());
    event.put("customAttributes", r.customAttributes()).put("acceptedAt", r.acceptedAtMillis());
    event.put("ttlSeconds", r.ttlSeconds()).put("timeoutSeconds", r.timeoutSeconds());
    return event;
  }

  private static Request request(JsonNode e) {
    return new Request(
        e.path("id").asText(),
        e.path("input").asText(),
        e.path("contentType").asText(null),
        e.path("accept").asText(null),
        e.path("customAttributes").asText(null),
        e.path("acceptedAt").asLong(),
        e.path("ttlSeconds").asInt(),
        e.path("timeoutSeconds").asInt());
  }

  private static int write(FileChannel out, ObjectNode event) throws IOException {
    ByteBuffer line = ByteBuffer.wrap((event + "\n").getBytes(StandardCharsets.UTF_8));
    int length = line.remaining();
    while (line.hasRemaining()) {
      out.write(line);
    }
    return length;
  }
}
