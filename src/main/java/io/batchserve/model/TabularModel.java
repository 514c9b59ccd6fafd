package io.batchserve.model;

import io.batchserve.codec.ContainerCsv;
import io.batchserve.codec.CsvFeatures;
import io.batchserve.codec.FloatMatrix;
import io.batchserve.codec.JsonRecords;
import io.batchserve.codec.LibsvmFeatures;
import io.batchserve.codec.MediaType;
import io.batchserve.codec.RecordioProtobuf;
import io.batchserve.codec.ScoreEncoder;
import io.batchserve.codec.SparseRows;
import io.batchserve.model.compat.ContainerAnswers;
import io.batchserve.model.compat.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Features in, scores out: the churn classifier, and any model trained with SageMaker's built-in
 * XGBoost algorithm. Reads CSV rows in schema order, or JSON / JSON Lines records with named
 * features (see {@link JsonFeatures}); answers one score (or one array of outputs) per record.
 */
public final class TabularModel implements Model<TabularModel.Rows, float[][]> {
  /** The kind name in a descriptor. */
  public static final String KIND = "tabular";

  private static final List<MediaType> READS =
      List.of(
          MediaType.CSV,
          MediaType.JSON_LINES,
          MediaType.JSON,
          MediaType.LIBSVM,
          MediaType.RECORDIO_PROTOBUF);
  private static final List<MediaType> WRITES =
      List.of(MediaType.CSV, MediaType.JSON_LINES, MediaType.JSON);

  private final ModelInfo info;
  private final Scorer scorer;
  private final JsonFeatures json;
  private final int libsvmIndexBase;
  private final Dialect dialect;

  /** How predictions become an answer's body. */
  @FunctionalInterface
  interface Answers {
    byte[] encode(float[][] predictions, MediaType accept);
  }

  /**
   * How a model reads CSV and writes answers: batchserve's strict CSV and formats, or (for models
   * of SageMaker's built-in XGBoost algorithm) that container's CSV conventions ({@link
   * ContainerCsv}) and answers.
   */
  record Dialect(Answers answers, boolean containerCsv) {
    static final Dialect BATCHSERVE = new Dialect(ScoreEncoder::encode, false);
  }

  /**
   * The decoded rows of one request: dense (CSV, JSON) or sparse (libsvm); exactly one is not null.
   */
  public record Rows(FloatMatrix matrix, SparseRows sparse) implements Model.Batch {
    public Rows(FloatMatrix matrix) {
      this(matrix, null);
    }

    public Rows(SparseRows sparse) {
      this(null, sparse);
    }

    @Override
    public int records() {
      return matrix != null ? matrix.rows() : sparse.rows();
    }

    SparseRows asSparse() {
      return sparse != null ? sparse : SparseRows.of(matrix);
    }
  }

  TabularModel(
      ModelInfo info, Scorer scorer, JsonFeatures json, int libsvmIndexBase, Dialect dialect) {
    this.info = info;
    this.scorer = scorer;
    this.json = json;
    this.libsvmIndexBase = libsvmIndexBase;
    this.dialect = dialect;
  }

  static TabularModel load(ModelDescriptor descriptor, Scorer scorer, LoadOptions options)
      throws ModelLoadException {
    List<String> features = descriptor.names("features");
    if (scorer.features() != features.size()) {
      throw new ModelLoadException(
          descriptor.file()
              + " lists "
              + features.size()
              + " features but "
              + descriptor.artifact()
              + " was trained on "
              + scorer.features());
    }
    Set<String> requestTypes = Set.copyOf(descriptor.optionalNames("request_types"));
    TabularModel model =
        create(
                descriptor.name(),
                scorer,
                features,
                descriptor.optionalNames("passthrough"),
                requestTypes)
            .withLibsvmIndexBase(options.libsvmIndexBase());
    if (options.inferenceOutput() == null) {
      return model;
    }
    Objective objective = BuiltinAlgorithm.objective(descriptor.artifactPath());
    return model.answering(
        new ContainerAnswers(
            BuiltinAlgorithm.selected(options, objective, descriptor.name()), options.batch()));
  }

  /** A model over any scorer; used by loading, training and tests. */
  public static TabularModel create(
      String name,
      Scorer scorer,
      List<String> features,
      List<String> passthrough,
      Set<String> requestTypes) {
    String summary = features.size() + " features (" + features.get(0) + ", ...)";
    ModelInfo info = new ModelInfo(name, KIND, READS, WRITES, requestTypes, summary);
    return new TabularModel(
        info,
        scorer,
        new JsonFeatures(name, features, passthrough, requestTypes),
        0,
        Dialect.BATCHSERVE);
  }

  /** The same model reading {@code text/libsvm} feature indices from {@code base} (0 or 1). */
  public TabularModel withLibsvmIndexBase(int base) {
    return new TabularModel(info, scorer, json, new LoadOptions(base).libsvmIndexBase(), dialect);
  }

  /** The same model writing its answers as SageMaker's XGBoost container does. */
  private TabularModel answering(ContainerAnswers container) {
    return with(new Dialect(container::encode, dialect.containerCsv()));
  }

  TabularModel with(Dialect changed) {
    return new TabularModel(info, scorer, json, libsvmIndexBase, changed);
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public Rows decode(MediaType contentType, byte[] body, int length) {
    if (MediaType.CSV.equals(contentType)) {
      if (dialect.containerCsv()) {
        ContainerCsv.Body csv = ContainerCsv.normalize(body, length);
        return new Rows(CsvFeatures.parse(csv.bytes(), csv.length(), json.features()));
      }
      return new Rows(CsvFeatures.parse(body, length, json.features()));
    }
    if (MediaType.LIBSVM.equals(contentType)) {
      return new Rows(LibsvmFeatures.parse(body, length, json.features(), libsvmIndexBase));
    }
    if (MediaType.RECORDIO_PROTOBUF.equals(contentType)) {
      RecordioProtobuf.Rows rows = RecordioProtobuf.parse(body, length, json.features().size());
      return new Rows(rows.dense(), rows.sparse());
    }
    return new Rows(json.toMatrix(JsonRecords.read(contentType, body, length)));
  }

  /**
   * One native call for all the batches: dense rows by {@code inplace_predict}; when any batch is
   * sparse (libsvm), all of them as one sparse block, so that a wide model's rows never expand to
   * every feature.
   */
  @Override
  public List<float[][]> predict(List<Rows> batches) {
    boolean sparse = batches.stream().anyMatch(b -> b.sparse() != null);
    if (batches.size() == 1) {
      Rows only = batches.get(0);
      FloatMatrix m = only.matrix();
      return Collections.singletonList(
          sparse
              ? scorer.scoreSparse(only.sparse())
              : scorer.score(m.values(), m.rows(), m.columns()));
    }
    float[][] all =
        sparse
            ? scorer.scoreSparse(
                SparseRows.concat(
                    batches.stream().map(Rows::asSparse).toList(), json.features().size()))
            : scoreTogether(batches);
    List<float[][]> answers = new ArrayList<>(batches.size());
    int offset = 0;
    for (Rows batch : batches) {
      float[][] mine = new float[batch.records()][];
      System.arraycopy(all, offset, mine, 0, mine.length);
      answers.add(mine);
      offset += mine.length;
    }
    return answers;
  }

  private float[][] scoreTogether(List<Rows> batches) {
    int columns = json.features().size();
    int rows = batches.stream().mapToInt(Rows::records).sum();
    float[] values = new float[Math.multiplyExact(rows, columns)];
    int at = 0;
    for (Rows batch : batches) {
      FloatMatrix part = batch.matrix();
      System.arraycopy(part.values(), 0, values, at, part.size());
      at += part.size();
    }
    return scorer.score(values, rows, columns);
  }

  @Override
  public byte[] encode(float[][] result, MediaType accept) {
    return dialect.answers().encode(result, accept);
  }

  @Override
  public String engine() {
    return scorer.engine();
  }

  @Override
  public void warmUp() {
    float[] missing = new float[json.features().size()];
    Arrays.fill(missing, Float.NaN);
    scorer.score(missing, 1, missing.length);
  }
}
