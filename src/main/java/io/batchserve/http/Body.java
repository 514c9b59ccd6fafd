package io.batchserve.http;

/**
 * A request body, read once by {@link BodyReader}: the first {@code length} bytes of {@code bytes}.
 */
record Body(byte[] bytes, int length) {}
