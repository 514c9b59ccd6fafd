package io.batchserve.model;

import io.batchserve.codec.SparseRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A {@link Scorer} over an xgboost4j booster, predicting with {@code inplace_predict} (no lock, no
 * DMatrix) and one native thread per call: parallelism comes from the worker pool. Loads JSON, UBJ
 * and the legacy binary format (SageMaker's built-in XGBoost 1.3-1 to 1.7-1 {@code xgboost-model}
 * files).
 */
public final class XgboostScorer implements Scorer {
  private final Booster booster;
  private final int features;

  private XgboostScorer(Booster booster) throws XGBoostError {
    this.booster = booster;
    this.booster.setParam("nthread", 1);
    this.features = Math.toIntExact(booster.getNumFeature());
  }

  public static XgboostScorer load(Path artifact) throws ModelLoadException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(artifact);
    } catch (IOException e) {
      throw new ModelLoadException(
          "cannot read model artifact " + artifact + ": " + e.getMessage(), e);
    }
    return fromBytes(bytes, artifact.toString());
  }

  public static XgboostScorer fromBytes(byte[] bytes, String source) throws ModelLoadException {
    try {
      return new XgboostScorer(XGBoost.loadModel(bytes));
    } catch (XGBoostError | IOException | RuntimeException e) {
      throw new ModelLoadException(
          "cannot load XGBoost model "
              + source
              + " (expected JSON, UBJ or legacy binary; Python pickles are not supported): "
              + e.getMessage(),
          e);
    }
  }

  /** The model of {@code artifact} as XGBoost's JSON (loaded, exported and freed). */
  static byte[] modelJson(Path artifact) throws ModelLoadException {
    XgboostScorer scorer = load(artifact);
    try {
      return scorer.json();
    } finally {
      scorer.booster.dispose();
    }
  }

  /** Wraps a booster trained in-process (the {@code train} command); takes ownership of it. */
  public static XgboostScorer of(Booster booster) {
    try {
      return new XgboostScorer(booster);
    } catch (XGBoostError e) {
      throw new PredictionException("cannot configure booster: " + e.getMessage(), e);
    }
  }

  @Override
  public float[][] score(float[] values, int rows, int columns) {
    try {
      return booster.inplace_predict(values, rows, columns, Float.NaN);
    } catch (XGBoostError e) {
      throw new PredictionException(
          "XGBoost prediction failed for " + rows + " rows: " + e.getMessage(), e);
    }
  }

  /**
   * Through a CSR {@code DMatrix} (inplace prediction takes only dense arrays here), built and
   * freed per call; the booster's {@code predict} takes no lock, as {@code inplace_predict}.
   */
  @Override
  public float[][] scoreSparse(SparseRows rows) {
    DMatrix matrix = null;
    try {
      long[] starts = Arrays.copyOf(rows.rowStarts(), rows.rows() + 1);
      int[] columns = Arrays.copyOf(rows.columns(), rows.size());
      float[] values = Arrays.copyOf(rows.values(), rows.size());
      matrix =
          new DMatrix(starts, columns, values, DMatrix.SparseType.CSR, rows.width(), Float.NaN, 1);
      return booster.predict(matrix);
    } catch (XGBoostError e) {
      throw new PredictionException(
          "XGBoost prediction failed for " + rows.rows() + " sparse rows: " + e.getMessage(), e);
    } finally {
      if (matrix != null) {
        matrix.dispose();
      }
    }
  }

  /**
   * The margins (before the objective's transform) of {@code rows} dense rows: one per row, or one
   * per class.
   */
  float[][] margins(float[] values, int rows, int columns) {
    try {
      return booster.inplace_predict(
          values, rows, columns, Float.NaN, new int[] {0, 0}, Booster.PredictionType.kMargin, null);
    } catch (XGBoostError e) {
      throw new PredictionException("XGBoost margin prediction failed: " + e.getMessage(), e);
    }
  }

  /** The model as XGBoost's JSON, whatever format it was loaded from. */
  @Override
  public String engine() {
    return "xgboost4j";
  }

  byte[] json() {
    try {
      return booster.toByteArray("json");
    } catch (XGBoostError e) {
      throw new PredictionException("cannot export the model as JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public int features() {
    return features;
  }
}
