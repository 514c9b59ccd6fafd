package io.batchserve.model.compat;

import io.batchserve.codec.MediaType;
import io.batchserve.codec.PythonText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Answers written as SageMaker's built-in XGBoost container writes them (its {@code serve.py} and
 * {@code serve_utils.py}), for models trained by that algorithm, so that an existing job's output
 * files stay the same: numbers as Python's {@code repr} of the float32 prediction, {@code
 * json.dumps} spacing, and its newline rules. See docs/xgboost-compatibility.md for each rule and
 * its source.
 *
 * <ul>
 *   <li>In a transform job ({@code SAGEMAKER_BATCH}), without selectable output: one line per
 *       record whatever the Accept, the prediction's {@code str()} ({@code [a, b]} for several
 *       values), each line ending in a newline.
 *   <li>Otherwise {@code application/json}: {@code {"predictions": [{"score": p}, ...]}}; {@code
 *       text/csv}: NumPy's {@code savetxt} lines; {@code application/jsonlines}: one {@code
 *       {"score": p}} per line (the container fails on this one).
 *   <li>With selectable output: {@code {"predictions": [{key: value, ...}]}} in JSON, one object
 *       per line in JSON Lines, and in CSV the keys' values in the variable's order, lists quoted
 *       as {@code "[0, 1]"}, lines joined by newlines with one more at the end in a transform job.
 * </ul>
 */
public final class ContainerAnswers {
  private final SelectableOutput selected;
  private final boolean batch;

  /** {@code selected} null: the container's plain answers. */
  public ContainerAnswers(SelectableOutput selected, boolean batch) {
    this.selected = selected;
    this.batch = batch;
  }

  public byte[] encode(float[][] predictions, MediaType accept) {
    String text =
        selected != null ? selectedAnswer(predictions, accept) : plain(predictions, accept);
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private String plain(float[][] predictions, MediaType accept) {
    StringBuilder out = new StringBuilder(predictions.length * 22);
    if (batch) {
      for (float[] p : predictions) {
        out.append(str(p)).append('\n');
      }
    } else if (MediaType.JSON.equals(accept)) {
      out.append("{\"predictions\": [");
      for (int i = 0; i < predictions.length; i++) {
        out.append(i > 0 ? ", " : "")
            .append("{\"score\": ")
            .append(json(predictions[i]))
            .append('}');
      }
      out.append("]}");
    } else if (MediaType.CSV.equals(accept)) {
      for (float[] p : predictions) {
        for (int j = 0; j < p.length; j++) {
          out.append(j > 0 ? "," : "").append(PythonText.repr(p[j]));
        }
        out.append('\n');
      }
    } else {
      for (float[] p : predictions) {
        out.append("{\"score\": ").append(json(p)).append("}\n");
      }
    }
    return out.toString();
  }

  private String selectedAnswer(float[][] predictions, MediaType accept) {
    StringBuilder out = new StringBuilder(predictions.length * 40);
    if (MediaType.CSV.equals(accept)) {
      for (int i = 0; i < predictions.length; i++) {
        Map<String, Object> values = selected.values(predictions[i]);
        out.append(i > 0 ? "\n" : "");
        List<String> keys = selected.keys();
        for (int k = 0; k < keys.size(); k++) {
          Object value = values.get(keys.get(k));
          out.append(k > 0 ? "," : "")
              .append(
                  value instanceof List<?> list
                      ? "\"" + listText(list, false) + "\""
                      : scalar(value, false));
        }
      }
      return batch ? out.append('\n').toString() : out.toString();
    }
    boolean lines = MediaType.JSON_LINES.equals(accept);
    out.append(lines ? "" : "{\"predictions\": [");
    for (int i = 0; i < predictions.length; i++) {
      out.append(i > 0 && !lines ? ", " : "").append(object(selected.values(predictions[i])));
      out.append(lines ? "\n" : "");
    }
    return lines ? out.toString() : out.append("]}").toString();
  }

  /** {@code json.dumps} of one record's selected values. */
  private static String object(Map<String, Object> values) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, Object> e : values.entrySet()) {
      out.append(out.length() > 1 ? ", " : "").append('"').append(e.getKey()).append("\": ");
      out.append(
          e.getValue() instanceof List<?> list ? listText(list, true) : scalar(e.getValue(), true));
    }
    return out.append('}').toString();
  }

  /** {@code str(list)}, or {@code json.dumps(list)} when {@code json}. */
  private static String listText(List<?> values, boolean json) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i > 0 ? ", " : "").append(scalar(values.get(i), json));
    }
    return out.append(']').toString();
  }

  private static String scalar(Object value, boolean json) {
    if (value instanceof Integer) {
      return value.toString();
    }
    double x = (Double) value;
    return json ? PythonText.json(x) : PythonText.repr(x);
  }

  private static String str(float[] p) {
    return p.length == 1 ? PythonText.repr(p[0]) : list(p, false);
  }

  private static String json(float[] p) {
    return p.length == 1 ? PythonText.json(p[0]) : list(p, true);
  }

  private static String list(float[] p, boolean json) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < p.length; i++) {
      out.append(i > 0 ? ", " : "").append(json ? PythonText.json(p[i]) : PythonText.repr(p[i]));
    }
    return out.append(']').toString();
  }
}
