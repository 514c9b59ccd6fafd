package io.batchserve.transform.pack;

import io.batchserve.transform.invoke.Payload;

/**
 * One request's worth of records: the payload, the number of its first record in the file
 * (1-based), its record count, and the original input records when outputs are joined to them (else
 * null).
 */
public record Batch(Payload payload, long firstRecord, int records, Originals originals) {}
