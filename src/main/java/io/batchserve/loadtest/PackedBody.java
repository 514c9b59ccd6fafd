package io.batchserve.loadtest;

/** One request body: the bytes sent and how many records (lines) they hold. */
record PackedBody(byte[] bytes, int records) {}
