/**
 * The {@code train} command's work: seeded generators of the documented synthetic data sets, and
 * XGBoost training that is reproducible byte for byte.
 */
package io.batchserve.model.train;
