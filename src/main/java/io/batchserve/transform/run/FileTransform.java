package io.batchserve.transform.run;

import io.batchserve.codec.MediaType;
import io.batchserve.config.BatchStrategy;
import io.batchserve.transform.assemble.Assembler;
import io.batchserve.transform.assemble.Chunk;
import io.batchserve.transform.invoke.InvocationException;
import io.batchserve.transform.invoke.Payload;
import io.batchserve.transform.invoke.Response;
import io.batchserve.transform.job.AssembleWith;
import io.batchserve.transform.job.CompressionType;
import io.batchserve.transform.job.SplitType;
import io.batchserve.transform.pack.Batch;
import io.batchserve.transform.pack.BatchSource;
import io.batchserve.transform.pack.LinePacker;
import io.batchserve.transform.pack.Packer;
import io.batchserve.transform.pack.RecordException;
import io.batchserve.transform.report.FileResult;
import io.batchserve.transform.source.InputObject;
import io.batchserve.transform.source.Outputs;
import io.batchserve.transform.split.RecordReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * Transforms one input object on one instance: read, split, filter and pack on this thread, send up
 * to the window's worth of batches through the instance's request pool, join and filter their
 * answers on the instance's assembler pool, write them in input order to a pending output, publish
 * it only when every batch succeeded. A failure stops the file, discards its output and logs the
 * service's lines; it never throws.
 */
final class FileTransform {
  private final InputObject input;
  private final InstanceRun worker;
  private final Assembler assembler;
  private final AtomicBoolean failed = new AtomicBoolean();
  private long records;
  private long requests;
  private long sent;
  private String failedAt;

  FileTransform(InputObject input, InstanceRun worker) {
    this.input = input;
    this.worker = worker;
    MediaType accept =
        worker.job().accept() == null ? null : MediaType.parse(worker.job().accept());
    this.assembler =
        new Assembler(
            worker.processor(),
            worker.job().assembleWith() == AssembleWith.Line,
            worker.options().alwaysNewline(),
            worker.plan().strategy() == BatchStrategy.MULTI_RECORD,
            accept);
  }

  FileResult run() {
    Outputs.Pending output = null;
    Deque<InFlight> inFlight = new ArrayDeque<>();
    try {
      output = worker.outputs().begin(input.relativeKey());
      try (InputStream in = open();
          OutputStream out = new BufferedOutputStream(output.stream(), 1 << 16)) {
        transform(in, out, inFlight);
      }
      output.commit();
      worker.stats().filesCompleted.increment();
      return new FileResult(
          input.display(), output.display(), FileResult.Status.COMPLETED, null, records, requests);
    } catch (IOException | RuntimeException e) {
      return fail(e, output, inFlight);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail(new IOException("interrupted"), output, inFlight);
    }
  }

  private void transform(InputStream in, OutputStream out, Deque<InFlight> inFlight)
      throws IOException, InterruptedException {
    boolean multi = worker.plan().strategy() == BatchStrategy.MULTI_RECORD;
    if (worker.limitBytes() == 0
        && worker.job().splitType() == SplitType.None
        && !worker.job().processesData()) {
      streamWhole(in, out, inFlight);
      return;
    }
    BatchSource packer = batches(in, multi);
    for (Batch next = packer.next(); next != null; next = packer.next()) {
      Batch batch = next;
      while (!worker.window().tryAcquire()) {
        if (inFlight.isEmpty()) {
          worker.window().acquire();
          break;
        }
        writeHead(inFlight, out);
      }
      inFlight.add(submit(batch));
      while (!inFlight.isEmpty() && inFlight.peek().done()) {
        writeHead(inFlight, out);
      }
    }
    while (!inFlight.isEmpty()) {
      writeHead(inFlight, out);
    }
  }

  private BatchSource batches(InputStream in, boolean multi) {
    boolean processes = worker.job().processesData();
    if (multi
        && !processes
        && worker.job().splitType() == SplitType.Line
        && worker.limitBytes() > 0) {
      return new LinePacker(in, worker.limitBytes());
    }
    RecordReader reader =
        RecordReader.open(
            worker.job().splitType(), worker.plan().strategy(), in, worker.limitBytes());
    return new Packer(reader, processes ? worker.processor() : null, worker.limitBytes(), multi);
  }

  /**
   * MaxPayloadInMB 0 with SplitType None: the object is streamed from its source in one chunked
   * request, never held in memory; a retry opens it again.
   */
  private void streamWhole(InputStream in, OutputStream out, Deque<InFlight> inFlight)
      throws IOException, InterruptedException {
    if (!in.markSupported()) {
      in = new BufferedInputStream(in, 1);
    }
    in.mark(1);
    if (in.read() < 0) {
      return;
    }
    Payload payload = Payload.streamed(Payload.Opener.unchecked(this::open), 1);
    worker.window().acquire();
    inFlight.add(submit(new Batch(payload, 1, 1, null)));
    writeHead(inFlight, out);
  }

  /**
   * Sends a batch on the request pool. When its records are rebuilt (a join or an OutputFilter),
   * its answer is assembled on the assembler pool as soon as it arrives, while this thread packs
   * and writes others; the chunks are still written here, in input order.
   */
  private InFlight submit(Batch batch) {
    CompletableFuture<Response> answer =
        CompletableFuture.supplyAsync(() -> send(batch), worker.pool());
    CompletableFuture<Chunk> assembled =
        assembler.buildsRecords()
            ? answer.thenApplyAsync(response -> assemble(batch, response), worker.assemblers())
            : null;
    return new InFlight(batch, ++sent, answer, assembled);
  }

  private Chunk assemble(Batch batch, Response response) {
    try {
      return assembler.assemble(batch, response);
    } catch (IOException e) {
      throw new CompletionException(e);
    }
  }

  private Response send(Batch batch) {
    if (failed.get()) {
      throw new CancellationException("file already failed");
    }
    try {
      return worker.invoker().invoke(batch.payload());
    } catch (InvocationException e) {
      throw new CompletionException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    }
  }

  private void writeHead(Deque<InFlight> inFlight, OutputStream out)
      throws IOException, InterruptedException {
    InFlight head = inFlight.poll();
    try {
      Response response = head.answer.join();
      long written;
      if (head.assembled == null) {
        written = assembler.write(head.batch, response, out);
      } else {
        Chunk chunk = head.assembled.join();
        chunk.writeTo(out);
        written = chunk.length();
      }
      worker.stats().bytesWritten.add(written);
      records += head.batch.records();
      requests++;
      worker.stats().records.add(head.batch.records());
    } catch (CompletionException e) {
      if (e.getCause() instanceof InvocationException failure) {
        failedAt =
            RequestLocation.of(worker.job().splitType(), head.batch, head.request, failure.body());
      }
      if (e.getCause() instanceof RecordException record) {
        throw record; // a record the assembler could not join, with its number
      }
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      worker.window().release();
    }
  }

  private InputStream open() throws IOException {
    InputStream raw =
        new CountingInputStream(
            input.store().open(input.location().bucket(), input.key()), worker.stats().bytesRead);
    return worker.job().compression() == CompressionType.Gzip
        ? new GZIPInputStream(raw, 1 << 16)
        : raw;
  }

  private FileResult fail(Exception e, Outputs.Pending output, Deque<InFlight> inFlight) {
    failed.set(true);
    for (InFlight pending : inFlight) {
      pending.answer.cancel(false);
      if (pending.assembled != null) {
        pending.assembled.cancel(false);
      }
      worker.window().release();
    }
    inFlight.clear();
    if (output != null) {
      output.abort();
    }
    if (worker.stop().requested()) {
      worker.stats().filesStopped.increment();
      return stopped(input, worker.stop(), records, requests);
    }
    worker.stats().filesFailed.increment();
    String reason = FailureLog.write(input.display(), failedAt, e, worker.log());
    return new FileResult(
        input.display(), null, FileResult.Status.FAILED, reason, records, requests);
  }

  /** A file the job stopped before it completed: no output is written for it. */
  static FileResult stopped(InputObject input, StopSignal stop, long records, long requests) {
    return new FileResult(
        input.display(),
        null,
        FileResult.Status.STOPPED,
        "stopped by " + stop.signal() + " before it completed; no output written",
        records,
        requests);
  }

  /** A sent batch: its answer and, when its records are rebuilt, their assembly (else null). */
  private record InFlight(
      Batch batch,
      long request,
      CompletableFuture<Response> answer,
      CompletableFuture<Chunk> assembled) {
    boolean done() {
      return assembled == null ? answer.isDone() : assembled.isDone();
    }
  }
}
