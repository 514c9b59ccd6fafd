/**
 * Models: loading a model directory, decoding requests into model inputs, predicting, and encoding
 * answers. The only package that touches xgboost4j (through {@link
 * io.batchserve.model.XgboostScorer}).
 */
package io.batchserve.model;
