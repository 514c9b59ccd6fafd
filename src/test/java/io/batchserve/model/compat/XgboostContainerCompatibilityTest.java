package io.batchserve.model.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.batchserve.codec.Json;
import io.batchserve.codec.MediaType;
import io.batchserve.http.ModelServer;
import io.batchserve.model.Engine;
import io.batchserve.model.LoadOptions;
import io.batchserve.model.Model;
import io.batchserve.model.ModelLoadException;
import io.batchserve.model.ModelLoader;
import io.batchserve.testing.Http;
import io.batchserve.testing.Pythons;
import io.batchserve.testing.RecordioEncoder;
import io.batchserve.testing.TestServers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * batchserve's answers for models of SageMaker's built-in XGBoost algorithm, byte for byte against
 * the container's, as test/python/xgboost_container_reference.py computes them with Debian's
 * XGBoost 1.7 (the 1.7-1 container's engine) on models it trains there: every objective, every key
 * of {@code SAGEMAKER_INFERENCE_OUTPUT} it offers, the three answer types, in and out of a
 * transform job, and k-fold ensembles.
 */
class XgboostContainerCompatibilityTest {
  private static final String REFERENCE = "test/python/xgboost_container_reference.py";
  private static final List<String> ACCEPTS =
      List.of("text/csv", "application/json", "application/jsonlines");
  private static final List<String> PROBABILISTIC =
      List.of(
          "predicted_label", "labels", "probability", "probabilities", "raw_score", "raw_scores");
  private static final List<String> CLASSES =
      List.of("predicted_label", "labels", "raw_score", "raw_scores");
  @TempDir static Path dir;
  private static String python;

  @BeforeAll
  static void trainWithTheReferenceEngine() throws Exception {
    python = Pythons.importing("xgboost");
    assumeTrue(
        python != null,
        "no Python with the xgboost module (Debian: apt-get install python3-xgboost): the"
            + " comparison with SageMaker's XGBoost container is skipped");
    run(python, REFERENCE, "train", dir.toString());
  }

  @Test
  void answers_everyObjectiveKeyTypeAndJobMode_matchTheContainer() throws Exception {
    List<Map<String, Object>> cases = new ArrayList<>();
    for (String folder : folders()) {
      for (boolean batch : List.of(false, true)) {
        for (String accept : ACCEPTS) {
          cases.add(testCase(folder, accept, batch, null, true));
          for (String keys : keySets(objective(folder))) {
            cases.add(testCase(folder, accept, batch, keys, true));
          }
        }
      }
    }
    List<String> differences = compare(cases);
    assertEquals(List.of(), differences, differences.size() + " of " + cases.size() + " differ");
  }

  @Test
  void csvConventions_delimitersAndBlankEnds_readAsTheContainerReadsThem() throws Exception {
    String rows = Files.readString(dir.resolve("rows.csv"));
    Map<String, String> variants =
        Map.of(
            "rows-tab.csv", rows.replace(',', '\t'),
            "rows-semicolon.csv", rows.replace(',', ';'),
            "rows-space.csv", rows.replace(',', ' '),
            "rows-padded.csv", "\n\n  " + rows + "\n\n\n");
    List<Map<String, Object>> cases = new ArrayList<>();
    for (Map.Entry<String, String> variant : variants.entrySet()) {
      Files.writeString(dir.resolve(variant.getKey()), variant.getValue());
      for (String folder : List.of("binary-logistic", "multi-softprob")) {
        Map<String, Object> c = testCase(folder, "text/csv", true, null, true);
        c.put("rows", dir.resolve(variant.getKey()).toString());
        c.put("out", c.get("out") + "-" + variant.getKey());
        cases.add(c);
      }
    }
    assertEquals(List.of(), compare(cases));
  }

  @Test
  void ensembleOff_servesTheFirstFoldOnly() throws Exception {
    List<Map<String, Object>> cases = new ArrayList<>();
    for (String folder : List.of("kfold-binary-logistic", "kfold-multi-softmax")) {
      cases.add(testCase(folder, "text/csv", true, null, false));
    }
    assertEquals(List.of(), compare(cases));
  }

  @Test
  void load_keyTheObjectiveDoesNotOffer_isRefusedNamingKeyAndObjective() {
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () -> load("reg-squarederror", "predicted_score,probability", false, true));
    assertTrue(
        e.getMessage().contains("'probability' does not apply to objective 'reg:squarederror'")
            && e.getMessage().contains("it offers predicted_score"),
        e.getMessage());
    ModelLoadException poisson =
        assertThrows(
            ModelLoadException.class, () -> load("count-poisson", "predicted_score", false, true));
    assertTrue(
        poisson.getMessage().contains("objective 'count:poisson' has no selectable output"),
        poisson.getMessage());
  }

  @Test
  void server_inferenceOutputVariable_answersTheSelectedKeys() throws Exception {
    Map<String, Object> wanted =
        testCase("multi-softprob", "application/json", true, "predicted_label,probability", true);
    runCases(List.of(wanted));
    Map<String, String> env =
        Map.of(
            "SAGEMAKER_INFERENCE_OUTPUT", "predicted_label,probability", "SAGEMAKER_BATCH", "true");
    try (ModelServer server =
        TestServers.awaitReady(
            ModelServer.start(
                TestServers.config(TestServers.flags(dir.resolve("multi-softprob"), 1), env)))) {
      HttpResponse<String> answer =
          Http.post(
              server.port(),
              Files.readString(dir.resolve("rows.csv")),
              "Content-Type",
              "text/csv",
              "Accept",
              "application/json");
      assertEquals(200, answer.statusCode(), answer.body());
      assertEquals(Files.readString(Path.of((String) wanted.get("out"))), answer.body());
      assertTrue(
          answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }
  }

  @Test
  void recordioProtobuf_denseAndSparseRows_answerAsTheirCsv() throws Exception {
    List<float[]> table = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("rows.csv"))) {
      String[] fields = line.split(",", -1);
      float[] row = new float[fields.length];
      for (int i = 0; i < fields.length; i++) {
        row[i] = fields[i].isEmpty() ? Float.NaN : Float.parseFloat(fields[i]);
      }
      table.add(row);
    }
    RecordioEncoder dense = new RecordioEncoder();
    RecordioEncoder sparse = new RecordioEncoder();
    for (float[] row : table) {
      dense.dense(row);
      List<Long> keys = new ArrayList<>();
      List<Float> present = new ArrayList<>();
      for (int f = row.length - 1; f >= 0; f--) { // keys in any order
        if (!Float.isNaN(row[f])) {
          keys.add((long) f);
          present.add(row[f]);
        }
      }
      float[] values = new float[present.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = present.get(i);
      }
      sparse.sparse(row.length, keys.stream().mapToLong(Long::longValue).toArray(), values);
    }
    Model<?, ?> model = load("multi-softprob", null, true, true);
    byte[] csv = answer(model, Files.readAllBytes(dir.resolve("rows.csv")), MediaType.CSV);
    assertEquals(new String(csv, StandardCharsets.UTF_8), text(model, dense.bytes()));
    assertEquals(new String(csv, StandardCharsets.UTF_8), text(model, sparse.bytes()));
    try (ModelServer server = TestServers.start(dir.resolve("multi-softprob"))) {
      HttpResponse<String> ok =
          Http.post(
              server.port(), dense.bytes(), "Content-Type", "application/x-recordio-protobuf");
      assertEquals(200, ok.statusCode(), ok.body());
      byte[] broken = Arrays.copyOf(dense.bytes(), dense.bytes().length - 3);
      HttpResponse<String> bad =
          Http.post(server.port(), broken, "Content-Type", "application/x-recordio-protobuf");
      assertEquals(400, bad.statusCode());
      assertTrue(bad.body().contains("record " + table.size() + " (byte "), bad.body());
    }
  }

  private static String text(Model<?, ?> model, byte[] recordio) {
    return new String(decodeAndAnswer(model, recordio), StandardCharsets.UTF_8);
  }

  private static <B extends Model.Batch, R> byte[] decodeAndAnswer(Model<B, R> model, byte[] body) {
    B batch = model.decode(MediaType.RECORDIO_PROTOBUF, body, body.length);
    return model.encode(model.predict(Collections.singletonList(batch)).get(0), MediaType.CSV);
  }

  /** Runs the reference on every case, then batchserve, and lists where they differ. */
  private static List<String> compare(List<Map<String, Object>> cases) throws Exception {
    runCases(cases);
    Map<String, Model<?, ?>> loaded = new HashMap<>();
    List<String> differences = new ArrayList<>();
    for (Map<String, Object> c : cases) {
      String want = Files.readString(Path.of((String) c.get("out")));
      if (want.startsWith("ERROR")) {
        continue; // the container fails this request; docs/xgboost-compatibility.md says why
      }
      String folder = Path.of((String) c.get("model")).getFileName().toString();
      String keys = (String) c.get("keys");
      boolean batch = (Boolean) c.get("batch");
      boolean ensemble = (Boolean) c.get("ensemble");
      Model<?, ?> model =
          loaded.computeIfAbsent(
              folder + "|" + keys + "|" + batch + "|" + ensemble,
              k -> loadUnchecked(folder, keys, batch, ensemble));
      MediaType accept = MediaType.parse((String) c.get("accept"));
      byte[] rows = Files.readAllBytes(Path.of((String) c.get("rows")));
      String got = new String(answer(model, rows, accept), StandardCharsets.UTF_8);
      if (!got.equals(want)) {
        differences.add(c + "\n  container: " + head(want) + "\n  batchserve: " + head(got));
      }
    }
    return differences;
  }

  private static Map<String, Object> testCase(
      String folder, String accept, boolean batch, String keys, boolean ensemble) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("model", dir.resolve(folder).toString());
    c.put("rows", dir.resolve("rows.csv").toString());
    c.put("accept", accept);
    c.put("batch", batch);
    c.put("keys", keys);
    c.put("ensemble", ensemble);
    String name =
        folder + "-" + Integer.toHexString(List.of(accept, batch, "" + keys, ensemble).hashCode());
    c.put("out", dir.resolve("answers").resolve(name).toString());
    return c;
  }

  private static void runCases(List<Map<String, Object>> cases) throws Exception {
    Files.createDirectories(dir.resolve("answers"));
    ArrayNode list = Json.MAPPER.valueToTree(cases);
    Path file = Files.createTempFile(dir, "cases", ".json");
    Files.write(file, Json.MAPPER.writeValueAsBytes(list));
    run(python, REFERENCE, "answer", file.toString());
  }

  /**
   * Each key the objective offers alone, all of them in reverse order (CSV follows the variable,
   * JSON its own order), and a spelling with capitals and spaces.
   */
  private static List<String> keySets(String objective) {
    List<String> offered =
        switch (objective) {
          case "binary:logistic", "multi:softprob" -> PROBABILISTIC;
          case "binary:logitraw", "binary:hinge", "multi:softmax" -> CLASSES;
          case "reg:squarederror" -> List.of("predicted_score");
          default -> List.of();
        };
    if (offered.isEmpty()) {
      return offered;
    }
    List<String> reversed = new ArrayList<>(offered);
    Collections.reverse(reversed);
    String spaced =
        " " + offered.get(0).toUpperCase(Locale.ROOT) + " , " + offered.get(offered.size() - 1);
    return Stream.concat(offered.stream(), Stream.of(String.join(",", reversed), spaced)).toList();
  }

  private static List<String> folders() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("answers"))
          .sorted()
          .toList();
    }
  }

  /**
   * The folder names of the reference say the objective: kfold-multi-softprob is multi:softprob.
   */
  private static String objective(String folder) {
    return folder.replace("kfold-", "").replaceFirst("-", ":");
  }

  private static Model<?, ?> loadUnchecked(
      String folder, String keys, boolean batch, boolean ensemble) {
    try {
      return load(folder, keys, batch, ensemble);
    } catch (ModelLoadException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static Model<?, ?> load(String folder, String keys, boolean batch, boolean ensemble)
      throws ModelLoadException {
    LoadOptions options = new LoadOptions(0, Engine.AUTO, keys, ensemble, batch);
    return ModelLoader.load(dir.resolve(folder), options).get(0);
  }

  private static <B extends Model.Batch, R> byte[] answer(
      Model<B, R> model, byte[] rows, MediaType accept) {
    B batch = model.decode(MediaType.CSV, rows, rows.length);
    return model.encode(model.predict(Collections.singletonList(batch)).get(0), accept);
  }

  private static String head(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
    assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + output);
  }
}
