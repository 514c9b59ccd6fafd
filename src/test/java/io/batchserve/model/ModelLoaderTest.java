package io.batchserve.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.codec.MediaType;
import io.batchserve.testing.TinyModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelLoaderTest {
  @TempDir Path dir;

  @Test
  void load_descriptorFolder_oneNamedModel() throws Exception {
    List<Model<?, ?>> models = ModelLoader.load(TinyModels.tabularFolder(dir, "tiny"));
    assertEquals(1, models.size());
    assertEquals("tiny", models.get(0).info().name());
    assertEquals("tabular", models.get(0).info().kind());
  }

  @Test
  void load_subfolders_severalModelsByName() throws Exception {
    TinyModels.tabularFolder(dir.resolve("b"), "beta");
    TinyModels.tabularFolder(dir.resolve("a"), "alpha");
    Files.createDirectories(dir.resolve(".hidden"));
    Files.createDirectories(dir.resolve("empty"));
    List<Model<?, ?>> models = ModelLoader.load(dir);
    assertEquals(List.of("alpha", "beta"), models.stream().map(m -> m.info().name()).toList());
  }

  /**
   * SageMaker's built-in XGBoost writes a bare xgboost-model file: legacy binary up to 1.7-1, JSON
   * or UBJ.
   */
  @ParameterizedTest
  @ValueSource(strings = {"deprecated", "json", "ubj"})
  void load_bareSageMakerArtifact_servedAsGenericModel(String format) throws Exception {
    byte[] ubj = TinyModels.classifier();
    byte[] bytes = XGBoost.loadModel(ubj).toByteArray(format);
    Files.write(dir.resolve("xgboost-model"), bytes);
    Files.writeString(dir.resolve(".DS_Store"), "ignored");
    Model<?, ?> model = ModelLoader.load(dir).get(0);
    assertEquals("xgboost", model.info().name());
    assertEquals(
        scores(ModelLoader.load(TinyModels.tabularFolder(dir.resolve("ref"), "ref")).get(0)),
        scores(model),
        "every format predicts the same (written as the built-in container writes them)");
  }

  /**
   * The scores as floats: a built-in model writes them as Python does, a batchserve one shorter.
   */
  private static List<Float> scores(Model<?, ?> model) {
    return new String(predict(model, "1.5,0.9,0.1\n0.1,0.1,\n"), StandardCharsets.UTF_8)
        .lines()
        .map(Float::parseFloat)
        .toList();
  }

  private static <B extends Model.Batch, R> byte[] predict(Model<B, R> model, String csv) {
    byte[] body = csv.getBytes(StandardCharsets.UTF_8);
    B batch = model.decode(MediaType.CSV, body, body.length);
    return model.encode(model.predict(Collections.singletonList(batch)).get(0), MediaType.CSV);
  }

  @Test
  void load_emptyFolder_saysWhatItExpected() {
    ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(dir));
    assertTrue(e.getMessage().contains("no model found in " + dir), e.getMessage());
    assertTrue(
        e.getMessage().contains("batchserve-model.json or an xgboost-model file"), e.getMessage());
  }

  @Test
  void load_unknownKind_namesKnownKinds() throws Exception {
    TinyModels.tabularFolder(dir, "x");
    rewriteDescriptor("\"kind\":\"tabular\"", "\"kind\":\"neural\"");
    ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(dir));
    assertTrue(e.getMessage().contains("unknown kind 'neural'; known: "), e.getMessage());
  }

  @Test
  void load_featureCountMismatch_isRefused() throws Exception {
    TinyModels.tabularFolder(dir, "x");
    rewriteDescriptor("[\"a\",\"b\",\"c\"]", "[\"a\",\"b\"]");
    ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(dir));
    assertTrue(
        e.getMessage().contains("lists 2 features but xgboost-model.ubj was trained on 3"),
        e.getMessage());
  }

  @Test
  void load_corruptArtifact_namesTheFile() throws Exception {
    TinyModels.tabularFolder(dir, "x");
    Files.writeString(dir.resolve("xgboost-model.ubj"), "not a model");
    ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(dir));
    assertTrue(
        e.getMessage().startsWith("cannot load XGBoost model " + dir.resolve("xgboost-model.ubj")),
        e.getMessage());
  }

  @Test
  void load_duplicateNames_refused() throws Exception {
    TinyModels.tabularFolder(dir.resolve("one"), "same");
    TinyModels.tabularFolder(dir.resolve("two"), "same");
    ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(dir));
    assertTrue(e.getMessage().contains("are named 'same'"), e.getMessage());
  }

  @Test
  void load_bundledChurnModel_matchesItsSchema() throws Exception {
    Model<?, ?> churn = ModelLoader.load(Path.of("model/churn")).get(0);
    assertEquals("churn", churn.info().name());
    assertArrayEquals(
        new Object[] {
          MediaType.CSV,
          MediaType.JSON_LINES,
          MediaType.JSON,
          MediaType.LIBSVM,
          MediaType.RECORDIO_PROTOBUF
        },
        churn.info().contentTypes().toArray());
  }

  private void rewriteDescriptor(String from, String to) throws Exception {
    Path file = dir.resolve("batchserve-model.json");
    Files.writeString(file, Files.readString(file).replace(from, to));
  }
}
