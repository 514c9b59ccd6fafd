package io.batchserve.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds and loads the models of a model directory ({@code /opt/ml/model} in SageMaker). The
 * directory is exactly what a model.tar.gz unpacks to, in one of three layouts:
 *
 * <ol>
 *   <li>one model: a {@value ModelDescriptor#FILE_NAME} and its artifact;
 *   <li>one model trained with SageMaker's built-in XGBoost algorithm: a bare {@value
 *       #SAGEMAKER_ARTIFACT} file (legacy binary, JSON or UBJ), or the {@code xgboost-model-<fold>}
 *       files of k-fold training, served as a {@link TabularModel} with features f0, f1, ... that
 *       answers as that algorithm's container does;
 *   <li>several models: one sub-folder per model, each in layout 1 or 2.
 * </ol>
 *
 * Hidden files and folders are ignored.
 */
public final class ModelLoader {
  public static final String SAGEMAKER_ARTIFACT = "xgboost-model";
  private static final Pattern FOLD_FILE = Pattern.compile("xgboost-model(-(0|[1-9][0-9]{0,8}))?");

  /**
   * The kinds on the class path, by name ({@link ModelKind}: the tabular model and the forecaster).
   */
  private static final Map<String, ModelKind> KINDS = kinds();

  private ModelLoader() {}

  private static Map<String, ModelKind> kinds() {
    Map<String, ModelKind> kinds = new TreeMap<>();
    for (ModelKind kind : ServiceLoader.load(ModelKind.class, ModelLoader.class.getClassLoader())) {
      kinds.put(kind.name(), kind);
    }
    return Map.copyOf(kinds);
  }

  public static List<Model<?, ?>> load(Path directory) throws ModelLoadException {
    return load(directory, LoadOptions.DEFAULT);
  }

  public static List<Model<?, ?>> load(Path directory, LoadOptions options)
      throws ModelLoadException {
    if (!Files.isDirectory(directory)) {
      throw new ModelLoadException(
          "model directory " + directory + " does not exist or is not a directory");
    }
    Model<?, ?> single = loadOne(directory, options);
    if (single != null) {
      return List.of(single);
    }
    List<Model<?, ?>> models = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Path child : subdirectories(directory)) {
      Model<?, ?> model = loadOne(child, options);
      if (model != null && !names.add(model.info().name())) {
        throw new ModelLoadException(
            "two models in " + directory + " are named '" + model.info().name() + "'");
      }
      if (model != null) {
        models.add(model);
      }
    }
    if (models.isEmpty()) {
      throw noModel(directory);
    }
    return List.copyOf(models);
  }

  /**
   * Checks, without loading anything, that {@code directory} is a model directory in one of the
   * three layouts; the message of a failure says what to do (a missing folder, a file, a folder
   * holding only a model.tar.gz). For callers that start servers on it and want to fail before they
   * do.
   */
  public static void check(Path directory) throws ModelLoadException {
    if (!Files.exists(directory)) {
      throw new ModelLoadException("model directory " + directory + " does not exist");
    }
    if (!Files.isDirectory(directory)) {
      throw new ModelLoadException(
          directory
              + " is a file, not a model directory: pass the folder that "
              + ModelDescriptor.FILE_NAME
              + " or "
              + SAGEMAKER_ARTIFACT
              + " is in, or a model.tar.gz");
    }
    if (holdsModel(directory)) {
      return;
    }
    for (Path child : subdirectories(directory)) {
      if (holdsModel(child)) {
        return;
      }
    }
    if (Files.isRegularFile(directory.resolve("model.tar.gz"))) {
      throw new ModelLoadException(
          directory
              + " holds a model.tar.gz and no unpacked model: pass the archive "
              + "itself ("
              + directory.resolve("model.tar.gz")
              + "), which is unpacked as SageMaker unpacks it");
    }
    throw noModel(directory);
  }

  private static boolean holdsModel(Path directory) throws ModelLoadException {
    return Files.isRegularFile(directory.resolve(ModelDescriptor.FILE_NAME))
        || !builtinArtifacts(directory).isEmpty();
  }

  /**
   * The boosters SageMaker's built-in XGBoost algorithm wrote into {@code directory}: {@code
   * xgboost-model}, or one {@code xgboost-model-<fold>} per fold of k-fold training, in fold order
   * (the plain file first). Other files are not models here (the container tries every file).
   */
  static List<Path> builtinArtifacts(Path directory) throws ModelLoadException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      files
          .filter(Files::isRegularFile)
          .filter(f -> FOLD_FILE.matcher(f.getFileName().toString()).matches())
          .forEach(found::add);
    } catch (IOException e) {
      throw new ModelLoadException("cannot list " + directory + ": " + e.getMessage(), e);
    }
    found.sort(Comparator.comparingLong(ModelLoader::fold));
    return found;
  }

  /** -1 for the plain {@code xgboost-model}, else the fold number. */
  private static long fold(Path artifact) {
    String name = artifact.getFileName().toString();
    return name.equals(SAGEMAKER_ARTIFACT)
        ? -1
        : Long.parseLong(name.substring(SAGEMAKER_ARTIFACT.length() + 1));
  }

  /** The model of a single-model folder, or null when the folder holds neither layout. */
  private static Model<?, ?> loadOne(Path directory, LoadOptions options)
      throws ModelLoadException {
    if (Files.isRegularFile(directory.resolve(ModelDescriptor.FILE_NAME))) {
      ModelDescriptor descriptor = ModelDescriptor.read(directory);
      ModelKind kind = KINDS.get(descriptor.kind());
      if (kind == null) {
        throw new ModelLoadException(
            descriptor.file()
                + ": unknown kind '"
                + descriptor.kind()
                + "'; known: "
                + String.join(", ", KINDS.keySet().stream().sorted().toList()));
      }
      return kind.load(
          descriptor,
          EngineChoice.load(descriptor.artifactPath(), descriptor.name(), options.engine()),
          options);
    }
    List<Path> artifacts = builtinArtifacts(directory);
    return artifacts.isEmpty() ? null : BuiltinAlgorithm.load(artifacts, options);
  }

  private static List<Path> subdirectories(Path directory) throws ModelLoadException {
    try (Stream<Path> children = Files.list(directory)) {
      return children
          .filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ModelLoadException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  private static ModelLoadException noModel(Path directory) {
    return new ModelLoadException(
        "no model found in "
            + directory
            + ": expected a "
            + ModelDescriptor.FILE_NAME
            + " or an "
            + SAGEMAKER_ARTIFACT
            + " file, or sub-folders holding one");
  }
}
