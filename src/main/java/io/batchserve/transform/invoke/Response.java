package io.batchserve.transform.invoke;

/** A 2xx answer: its body, its Content-Type (may be null), and the attempts it took. */
public record Response(byte[] body, String contentType, int attempts) {}
