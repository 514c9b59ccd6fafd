package io.batchserve.testing;

import io.batchserve.codec.MediaType;
import io.batchserve.model.Model;
import io.batchserve.model.ModelInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * A fake model for pool and server tests: a batch is the lines of the body, the answer echoes them
 * upper-cased. It records every predict call's batch sizes, and can be made to block until released
 * or to fail.
 */
public final class EchoModel implements Model<EchoModel.Lines, List<String>> {
  /** The lines of one request. */
  public record Lines(List<String> lines) implements Model.Batch {
    @Override
    public int records() {
      return lines.size();
    }
  }

  private final String name;
  private final List<List<Integer>> calls = Collections.synchronizedList(new ArrayList<>());
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile CountDownLatch entered = new CountDownLatch(0);
  private volatile RuntimeException failure;
  private volatile Error death;

  public EchoModel(String name) {
    this.name = name;
  }

  @Override
  public ModelInfo info() {
    return new ModelInfo(
        name, "echo", List.of(MediaType.CSV), List.of(MediaType.CSV), Set.of(name), "echo");
  }

  @Override
  public Lines decode(MediaType contentType, byte[] body, int length) {
    return new Lines(List.of(new String(body, 0, length, StandardCharsets.UTF_8).split("\n")));
  }

  @Override
  public List<List<String>> predict(List<Lines> batches) {
    calls.add(batches.stream().map(Lines::records).toList());
    entered.countDown();
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (failure != null) {
      throw failure;
    }
    Error error = death;
    if (error != null) {
      death = null;
      throw error;
    }
    return batches.stream().map(b -> b.lines().stream().map(String::toUpperCase).toList()).toList();
  }

  @Override
  public byte[] encode(List<String> result, MediaType accept) {
    return (String.join("\n", result) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void warmUp() {}

  public static Lines lines(String... lines) {
    return new Lines(List.of(lines));
  }

  /** Every predict call so far, as the record counts of its batches. */
  public List<List<Integer>> calls() {
    return List.copyOf(calls);
  }

  /**
   * Makes the next predictions wait until the returned latch is counted down; {@link #entered()}
   * trips first.
   */
  public CountDownLatch block() {
    gate = new CountDownLatch(1);
    entered = new CountDownLatch(1);
    return gate;
  }

  public CountDownLatch entered() {
    return entered;
  }

  public void failWith(RuntimeException e) {
    failure = e;
  }

  /**
   * The next prediction throws {@code error} (an {@link Error}, which ends the worker thread);
   * later ones work.
   */
  public void dieOnceWith(Error error) {
    death = error;
  }
}
