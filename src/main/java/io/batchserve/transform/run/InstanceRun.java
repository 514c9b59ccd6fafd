package io.batchserve.transform.run;

import io.batchserve.transform.invoke.Invoker;
import io.batchserve.transform.job.JobSpec;
import io.batchserve.transform.process.RecordProcessor;
import io.batchserve.transform.report.JobStats;
import io.batchserve.transform.source.Outputs;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Everything the files of one instance share: the plan, the invoker, a pool of
 * MaxConcurrentTransforms request threads, as many assembler threads (joining and filtering
 * answers, so that N requests' DataProcessing runs at once as it does on the service), and {@code
 * window}, the permits for batches held in memory (read, in flight or waiting to be written), 2 x
 * MaxConcurrentTransforms, which bounds memory by concurrency x payload.
 */
record InstanceRun(
    JobSpec job,
    InstanceSettings plan,
    RecordProcessor processor,
    Invoker invoker,
    ExecutorService pool,
    ExecutorService assemblers,
    Semaphore window,
    JobStats stats,
    HarnessOptions options,
    Outputs outputs,
    Consumer<String> log,
    StopSignal stop) {

  long limitBytes() {
    return plan.maxPayloadInMb() * options.bytesPerMb();
  }
}
