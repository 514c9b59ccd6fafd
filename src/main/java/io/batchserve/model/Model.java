package io.batchserve.model;

import io.batchserve.codec.MediaType;
import java.util.List;

/**
 * A loaded model. Implementations are immutable after loading and safe to use from many threads at
 * once.
 *
 * <p>The server calls {@link #decode} on the thread that read the request's last byte (an HTTP
 * thread), {@link #predict} on a worker thread (merging the batches of several queued requests into
 * one call), and {@link #encode} in the completion stage of the request's future, on the worker
 * thread that completed it (see the worker pool's implementation notes). Decoding and encoding are
 * pure; only {@code predict} may run native code.
 *
 * @param <B> the decoded records of one request
 * @param <R> the answer to one request
 */
public interface Model<B extends Model.Batch, R> {

  ModelInfo info();

  /**
   * Decodes a request body of the given (supported) content type.
   *
   * @throws io.batchserve.codec.BadInputException naming the record and what is wrong with it
   */
  B decode(MediaType contentType, byte[] body, int length);

  /**
   * Predicts several requests' batches together, amortising the fixed cost of each native call over
   * all their records. Returns one answer per batch, in order; each answer holds exactly one result
   * per record of its batch.
   *
   * @throws PredictionException when the native library fails
   */
  List<R> predict(List<B> batches);

  /** Encodes one answer in a type from {@link ModelInfo#accepts()}. */
  byte[] encode(R result, MediaType accept);

  /** Which evaluator runs {@link #predict} ({@code java}, {@code xgboost4j}), for the logs. */
  default String engine() {
    return "none";
  }

  /**
   * Runs one prediction on a made-up record so that the first real request pays no start-up cost.
   */
  void warmUp();

  /** The decoded records of one request. */
  interface Batch {
    /** Number of records: the worker pool's unit for its row budget. */
    int records();
  }
}
