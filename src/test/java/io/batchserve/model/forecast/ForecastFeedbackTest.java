package io.batchserve.model.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.batchserve.codec.MediaType;
import io.batchserve.model.Scorer;
import io.batchserve.model.XgboostScorer;
import io.batchserve.testing.ForecastFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recursion feeds each day's prediction back as history: these models' answers can be worked
 * out by hand, and would differ if any day's features saw only the request's history.
 */
class ForecastFeedbackTest {
  /**
   * A hand-written XGBoost JSON model (base score 0) of two trees: tree 1 gives 120 when lag_1 &lt;
   * 100, else 30; tree 2 adds 5 when lag_2 &gt;= 100.
   */
  private static final String TWO_TREES =
      """
      {"learner":{"attributes":{},"feature_names":[],"feature_types":[],
       "gradient_booster":{"model":{"gbtree_model_param":{"num_parallel_tree":"1","num_trees":"2"},
        "iteration_indptr":[0,1,2],"tree_info":[0,0],"trees":[%s,%s]},"name":"gbtree"},
       "learner_model_param":{"base_score":"0E0","boost_from_average":"0","num_class":"0","num_feature":"23",
        "num_target":"1"},
       "objective":{"name":"reg:squarederror","reg_loss_param":{"scale_pos_weight":"1"}}},"version":[3,0,4]}
      """
          .formatted(stump(0, 0, 100, 120, 30), stump(1, 1, 100, 0, 5));

  /**
   * One split on feature {@code feature}: left ({@code < threshold}) gives {@code left}, else
   * {@code right}.
   */
  private static String stump(int id, int feature, float threshold, float left, float right) {
    return """
    {"base_weights":[0.0,%1$s,%2$s],"categories":[],"categories_nodes":[],"categories_segments":[],
     "categories_sizes":[],"default_left":[0,0,0],"id":%3$d,"left_children":[1,-1,-1],
     "loss_changes":[1.0,0.0,0.0],"parents":[2147483647,0,0],"right_children":[2,-1,-1],
     "split_conditions":[%4$s,%1$s,%2$s],"split_indices":[%5$d,0,0],"split_type":[0,0,0],
     "sum_hessian":[2.0,1.0,1.0],"tree_param":{"num_deleted":"0","num_feature":"23","num_nodes":"3",
     "size_leaf_vector":"1"}}
    """
        .formatted(left, right, id, threshold, feature);
  }

  @Test
  void predict_handWrittenXgboostModel_feedsEachDayIntoTheNextDaysLags() throws Exception {
    Scorer native2 =
        XgboostScorer.fromBytes(TWO_TREES.getBytes(StandardCharsets.UTF_8), "hand-written");
    float[] history = new float[40];
    Arrays.fill(history, 50);

    float[] forecast = forecast(native2, ForecastFixtures.record("A001", history, 6));

    // day 1: lag_1 50 -> 120, lag_2 50 -> +0;  day 2: lag_1 120 -> 30, lag_2 50 -> +0;
    // day 3: lag_1 30 -> 120, lag_2 120 -> +5; day 4: lag_1 125 -> 30, lag_2 30 -> +0; and so on.
    assertArrayEquals(new float[] {120, 30, 125, 30, 125, 30}, forecast);
  }

  @Test
  void predict_lagSevenAndPromotion_seePredictionsAndFutureRows() {
    float[] history = new float[28];
    for (int i = 0; i < 7; i++) {
      history[21 + i] = i + 1;
    }
    String future =
        ",\"future_rows\":[{\"date\":\"%s\",\"promo\":1},{\"date\":\"%s\",\"promo\":1}]"
            .formatted(
                ForecastFixtures.lastDay(28).plusDays(2), ForecastFixtures.lastDay(28).plusDays(9));
    Scorer lag7PlusPromo = ForecastFixtures.fake(f -> f.get("lag_7") + 10 * f.get("promo"));

    float[] forecast =
        forecast(lag7PlusPromo, ForecastFixtures.record("A001", history, 16, future));

    assertArrayEquals(new float[] {1, 12, 3, 4, 5, 6, 7, 1, 22, 3, 4, 5, 6, 7, 1, 22}, forecast);
  }

  @Test
  void predict_negativePrediction_isClippedAndTheClippedValueFedBack() {
    float[] history = new float[28];
    history[27] = 10;
    Scorer fourMinusLag1 = ForecastFixtures.fake(f -> 4 - f.get("lag_1"));

    float[] forecast = forecast(fourMinusLag1, ForecastFixtures.record("A001", history, 4));

    assertArrayEquals(new float[] {0, 4, 0, 4}, forecast);
  }

  @Test
  void predict_rollingMeans_includePredictions() {
    float[] history = new float[28];
    Arrays.fill(history, 28);
    Scorer meanPlusSeven = ForecastFixtures.fake(f -> f.get("mean_7") + 7);

    float[] forecast = forecast(meanPlusSeven, ForecastFixtures.record("A001", history, 2));

    // day 1: mean_7 = 28 -> 35; day 2: mean_7 = (6 * 28 + 35) / 7 = 29 -> 36
    assertArrayEquals(new float[] {35, 36}, forecast);
  }

  private static float[] forecast(Scorer scorer, String record) {
    ForecastModel model = ForecastFixtures.model(scorer);
    byte[] body = record.getBytes(StandardCharsets.UTF_8);
    ForecastRequest request = model.decode(MediaType.JSON_LINES, body, body.length);
    List<Forecasts> answers = model.predict(List.of(request));
    assertEquals(1, answers.get(0).values().length);
    return answers.get(0).values()[0];
  }
}
