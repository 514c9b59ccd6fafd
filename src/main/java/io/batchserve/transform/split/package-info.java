/**
 * Cutting an input stream into records (SplitType None, Line, RecordIO, TFRecord), streaming and
 * binary-safe.
 */
package io.batchserve.transform.split;
