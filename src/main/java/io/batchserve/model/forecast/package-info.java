/**
 * The iterative demand forecaster: reads store-product daily histories, predicts day by day with
 * each prediction fed back into the next day's features, one native call per day for every series
 * of a batch.
 */
package io.batchserve.model.forecast;
