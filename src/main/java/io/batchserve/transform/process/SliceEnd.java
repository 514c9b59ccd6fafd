package io.batchserve.transform.process;

/**
 * Whether the end index of a JSONPath slice {@code [start:end]} is included. The SageMaker guide
 * describes {@code $[1:4]} as "the second through fifth columns" (inclusive); the JSONPath library
 * it links excludes the end.
 */
public enum SliceEnd {
  INCLUSIVE,
  EXCLUSIVE
}
