package io.batchserve.model.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A tree ensemble evaluated in Java, exactly as XGBoost evaluates it: a row goes left at a node iff
 * its value is below the threshold (compared in float), a missing value (NaN) goes the node's
 * default way, and the leaves' values are summed in float, in tree order, from the base margin;
 * then the objective's {@link Link}. A multi-class model has one margin per class, and each tree
 * adds to its class's margin.
 *
 * <p>Layout: every tree is padded to a complete tree of its own depth, internal nodes in heap order
 * (children of {@code i} at {@code 2i+1} and {@code 2i+2}) followed by its {@code 2^depth} leaves;
 * a leaf above the bottom is copied into every padded leaf below it. All trees live in three flat
 * arrays.
 *
 * <p>Walk: rows are copied, 64 at a time, into a scratch buffer twice, once with NaN as -infinity
 * and once as +infinity (and -0.0 as +0.0), and each node's feature index points into the copy of
 * its default direction, so a missing value needs no test: {@code -inf < t} goes left, {@code +inf
 * < t} goes right. A step is branch-free, {@code i = 2i + 2 - signbit(v - t)}, exact because the
 * difference of two finite floats is negative iff {@code v < t} (a nonzero difference never rounds
 * to zero). Thresholds are finite (the reader checks).
 *
 * <p>A step's loads depend on the step before, so a single walk waits on memory at every level; the
 * walk keeps several going at once. A block of at least {@value #LEVEL_ROWS} rows walks each tree
 * level by level: one pass over the block's rows per level, each row's position kept in an array,
 * so that every step in a pass is independent of the others and the processor overlaps as many as
 * it can hold (about 1.4x faster than four rows at a time at 1,000 rows; docs/benchmarks.md (e)). A
 * smaller block walks four rows together, and a row left over from a group of four (a single record
 * above all) walks four trees at once.
 *
 * <p>Immutable and thread-safe: each call uses its own scratch buffer.
 */
public final class Forest {
  /** Trees deeper than this are not padded (2^depth leaves); such models stay on xgboost4j. */
  public static final int MAX_DEPTH = 12;

  private static final int BLOCK = 64;

  /**
   * Blocks of at least this many rows walk level by level; below it the passes are too short to pay
   * for themselves.
   */
  private static final int LEVEL_ROWS = 32;

  private final int features;
  private final Link link;
  private final float baseMargin;

  /**
   * Margins per row: 1, or the number of classes; tree {@code t} adds to margin {@code group[t]}.
   */
  private final int groups;

  private final int[] group;
  private final int[] depth;
  private final int[] nodeStart;
  private final int[] leafStart;
  private final int[] feature;
  private final float[] threshold;
  private final float[] leaf;

  private Forest(Builder b) {
    this.features = b.features;
    this.link = b.link;
    this.baseMargin = b.baseMargin;
    int trees = b.trees.size();
    this.groups = b.groups;
    this.group = b.group.stream().mapToInt(Integer::intValue).toArray();
    this.depth = new int[trees];
    this.nodeStart = new int[trees];
    this.leafStart = new int[trees];
    int nodes = 0;
    int leaves = 0;
    for (int t = 0; t < trees; t++) {
      depth[t] = b.depths.get(t);
      nodeStart[t] = nodes;
      leafStart[t] = leaves;
      nodes += (1 << depth[t]) - 1;
      leaves += 1 << depth[t];
    }
    this.feature = new int[nodes];
    this.threshold = new float[nodes];
    this.leaf = new float[leaves];
    for (int t = 0; t < trees; t++) {
      pad(b.trees.get(t), 0, 0, 0, t);
    }
  }

  public int features() {
    return features;
  }

  public Link link() {
    return link;
  }

  public int trees() {
    return depth.length;
  }

  /**
   * Values per row that {@link #predict} returns: the margins per row, or the link's outputs for
   * them.
   */
  public int outputs(boolean transform) {
    return transform ? link.outputs(groups) : groups;
  }

  /**
   * Each feature's distinct split thresholds (and 0 where padding put a pseudo-split), for the
   * on-load check.
   */
  public float[][] thresholds() {
    List<TreeSet<Float>> byFeature = new ArrayList<>();
    for (int f = 0; f < features; f++) {
      byFeature.add(new TreeSet<>());
    }
    for (int n = 0; n < feature.length; n++) {
      byFeature.get(feature[n] % features).add(threshold[n]);
    }
    float[][] out = new float[features][];
    for (int f = 0; f < features; f++) {
      out[f] = new float[byFeature.get(f).size()];
      int i = 0;
      for (float t : byFeature.get(f)) {
        out[f][i++] = t;
      }
    }
    return out;
  }

  /**
   * Writes the subtree of {@code node} at padded position {@code pos} (at {@code level}) of tree
   * {@code t}.
   */
  private void pad(Tree tree, int node, int pos, int level, int t) {
    int internal = (1 << depth[t]) - 1;
    if (level == depth[t]) {
      leaf[leafStart[t] + pos - internal] = tree.value[node];
      return;
    }
    boolean isLeaf = tree.left[node] < 0;
    feature[nodeStart[t] + pos] =
        isLeaf ? 0 : tree.feature[node] + (tree.defaultLeft[node] ? 0 : features);
    threshold[nodeStart[t] + pos] = isLeaf ? 0f : tree.value[node];
    pad(tree, isLeaf ? node : tree.left[node], 2 * pos + 1, level + 1, t);
    pad(tree, isLeaf ? node : tree.right[node], 2 * pos + 2, level + 1, t);
  }

  /**
   * Predicts {@code rows} rows of {@code columns} values (row-major, NaN missing; features past
   * {@code columns} are missing). Returns {@link #outputs} values per row, row-major: the margins,
   * or the prediction when {@code transform}.
   */
  public float[] predict(float[] values, int rows, int columns, boolean transform) {
    int width = outputs(transform);
    float[] out = new float[rows * width];
    int block = Math.min(BLOCK, rows);
    float[] scratch = new float[block * 2 * features];
    float[] margins = new float[block * groups];
    int[] at = new int[block];
    for (int first = 0; first < rows; first += BLOCK) {
      int n = Math.min(BLOCK, rows - first);
      copy(values, first, n, columns, scratch);
      Arrays.fill(margins, 0, n * groups, baseMargin);
      if (n >= LEVEL_ROWS) {
        for (int t = 0; t < depth.length; t++) {
          walkLevels(t, scratch, n, at, margins);
        }
      } else {
        walkSmall(scratch, n, margins);
      }
      for (int r = 0; r < n; r++) {
        if (transform) {
          link.apply(margins, r * groups, groups, out, (first + r) * width);
        } else {
          System.arraycopy(margins, r * groups, out, (first + r) * groups, groups);
        }
      }
    }
    return out;
  }

  private void copy(float[] values, int first, int n, int columns, float[] scratch) {
    int width = 2 * features;
    for (int r = 0; r < n; r++) {
      int in = (first + r) * columns;
      int out = r * width;
      for (int f = 0; f < features; f++) {
        float v = f < columns ? values[in + f] + 0.0f : Float.NaN;
        boolean missing = Float.isNaN(v);
        scratch[out + f] = missing ? Float.NEGATIVE_INFINITY : v;
        scratch[out + features + f] = missing ? Float.POSITIVE_INFINITY : v;
      }
    }
  }

  /**
   * A block of fewer than {@link #LEVEL_ROWS} rows: four rows at a time, then the rows left over.
   */
  private void walkSmall(float[] scratch, int n, float[] margins) {
    int grouped = n & ~3;
    for (int t = 0; t < depth.length; t++) {
      walk(t, scratch, grouped, margins);
    }
    for (int r = grouped; r < n; r++) {
      walkTrees(scratch, r * 2 * features, margins, r * groups);
    }
  }

  /**
   * Adds tree {@code t}'s leaf for each of the block's {@code n} rows to the row's margin of the
   * tree's group, one pass over the rows per level; {@code at} holds each row's position in the
   * tree between passes.
   */
  private void walkLevels(int t, float[] scratch, int n, int[] at, float[] margins) {
    // Everything read from fields is read before the passes: read after them, the passes ran 25 %
    // slower (C2 on Java 17; docs/benchmarks.md (e)).
    int levels = depth[t];
    int base = nodeStart[t];
    int leaves = leafStart[t] - ((1 << levels) - 1);
    int width = 2 * features;
    int g = group[t];
    Arrays.fill(at, 0, n, 0);
    for (int level = 0; level < levels; level++) {
      for (int r = 0, row = 0; r < n; r++, row += width) {
        int i = at[r];
        at[r] = step(i, base + i, scratch, row);
      }
    }
    for (int r = 0; r < n; r++) {
      margins[r * groups + g] += leaf[leaves + at[r]];
    }
  }

  /**
   * One row through every tree, four trees walked together (their loads overlap, as four rows' do
   * in {@link #walk}); the leaves are still added in tree order. For the rows of a block that do
   * not fill a group of four, such as a single-record request. A multi-class model's trees go one
   * at a time, each to its class.
   */
  private void walkTrees(float[] scratch, int row, float[] margins, int at) {
    int t = 0;
    float sum = margins[at];
    for (; groups == 1 && t + 4 <= depth.length; t += 4) {
      int d0 = depth[t];
      int d1 = depth[t + 1];
      int d2 = depth[t + 2];
      int d3 = depth[t + 3];
      int levels = Math.max(Math.max(d0, d1), Math.max(d2, d3));
      int i0 = 0;
      int i1 = 0;
      int i2 = 0;
      int i3 = 0;
      for (int level = 0; level < levels; level++) {
        i0 = level < d0 ? step(i0, nodeStart[t] + i0, scratch, row) : i0;
        i1 = level < d1 ? step(i1, nodeStart[t + 1] + i1, scratch, row) : i1;
        i2 = level < d2 ? step(i2, nodeStart[t + 2] + i2, scratch, row) : i2;
        i3 = level < d3 ? step(i3, nodeStart[t + 3] + i3, scratch, row) : i3;
      }
      sum += leaf[leafStart[t] + i0 - ((1 << d0) - 1)];
      sum += leaf[leafStart[t + 1] + i1 - ((1 << d1) - 1)];
      sum += leaf[leafStart[t + 2] + i2 - ((1 << d2) - 1)];
      sum += leaf[leafStart[t + 3] + i3 - ((1 << d3) - 1)];
    }
    margins[at] = sum;
    for (; t < depth.length; t++) {
      int i = 0;
      for (int level = 0; level < depth[t]; level++) {
        i = step(i, nodeStart[t] + i, scratch, row);
      }
      margins[at + group[t]] += leaf[leafStart[t] + i - ((1 << depth[t]) - 1)];
    }
  }

  /**
   * Adds tree {@code t}'s leaf for each of the block's first {@code n} rows (a multiple of 4) to
   * the row's margin of the tree's group.
   */
  private void walk(int t, float[] scratch, int n, float[] margins) {
    int levels = depth[t];
    int base = nodeStart[t];
    int leaves = leafStart[t] - ((1 << levels) - 1);
    int width = 2 * features;
    int g = group[t];
    int r = 0;
    for (; r + 4 <= n; r += 4) {
      int o0 = r * width;
      int o1 = o0 + width;
      int o2 = o1 + width;
      int o3 = o2 + width;
      int i0 = 0;
      int i1 = 0;
      int i2 = 0;
      int i3 = 0;
      for (int level = 0; level < levels; level++) {
        i0 = step(i0, base + i0, scratch, o0);
        i1 = step(i1, base + i1, scratch, o1);
        i2 = step(i2, base + i2, scratch, o2);
        i3 = step(i3, base + i3, scratch, o3);
      }
      int m = r * groups + g;
      margins[m] += leaf[leaves + i0];
      margins[m + groups] += leaf[leaves + i1];
      margins[m + 2 * groups] += leaf[leaves + i2];
      margins[m + 3 * groups] += leaf[leaves + i3];
    }
  }

  private int step(int i, int node, float[] scratch, int row) {
    return 2 * i
        + 2
        - (Float.floatToRawIntBits(scratch[row + feature[node]] - threshold[node]) >>> 31);
  }

  /** Collects trees in order. */
  static final class Builder {
    private final int features;
    private final Link link;
    private final float baseMargin;
    private final int groups;
    private final List<Tree> trees = new ArrayList<>();
    private final List<Integer> depths = new ArrayList<>();
    private final List<Integer> group = new ArrayList<>();

    Builder(int features, Link link, float baseMargin, int groups) {
      this.features = features;
      this.link = link;
      this.baseMargin = baseMargin;
      this.groups = groups;
    }

    /** Adds the next tree, which adds to margin {@code treeGroup} of each row. */
    void add(Tree tree, int treeGroup) throws UnsupportedModelException {
      if (treeGroup < 0 || treeGroup >= groups) {
        throw new UnsupportedModelException(
            "tree " + trees.size() + " belongs to group " + treeGroup + " of " + groups);
      }
      int treeDepth = tree.left.length == 0 ? 0 : tree.depth(0);
      if (treeDepth > MAX_DEPTH) {
        throw new UnsupportedModelException(
            "tree "
                + trees.size()
                + " has depth "
                + treeDepth
                + ", over "
                + MAX_DEPTH
                + " (too deep to pad)");
      }
      trees.add(tree);
      depths.add(treeDepth);
      group.add(treeGroup);
    }

    Forest build() {
      return new Forest(this);
    }
  }
}
