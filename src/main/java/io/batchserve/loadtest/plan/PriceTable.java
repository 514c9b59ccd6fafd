package io.batchserve.loadtest.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instance prices from a documented CSV file: the bundled example table ({@code
 * instance-prices.csv}, printed by {@code plan --print-prices}) or an edited copy. Comment lines
 * start with {@code #}; the header names the columns.
 */
public final class PriceTable {
  private static final String RESOURCE = "instance-prices.csv";
  private static final String HEADER =
      "instance_type,vcpu,memory_gib,batch_usd_per_hour,realtime_usd_per_hour,async_usd_per_hour";

  private final String source;
  private final Map<String, InstancePrice> byType;

  private PriceTable(String source, Map<String, InstancePrice> byType) {
    this.source = source;
    this.byType = byType;
  }

  /** The bundled example table, comments included. */
  public static String bundledText() {
    try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the bundled price table " + RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PriceTable bundled() {
    return parse("bundled " + RESOURCE, bundledText());
  }

  public static PriceTable load(Path file) {
    try {
      return parse(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the price table " + file + ": " + e.getMessage(), e);
    }
  }

  static PriceTable parse(String source, String text) {
    Map<String, InstancePrice> byType = new LinkedHashMap<>();
    boolean header = false;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!line.replace(" ", "").equals(HEADER)) {
          throw new IllegalArgumentException(
              source + " line " + (i + 1) + ": expected the header " + HEADER);
        }
        header = true;
        continue;
      }
      InstancePrice price = row(source, i + 1, line);
      byType.put(price.type(), price);
    }
    if (byType.isEmpty()) {
      throw new IllegalArgumentException(source + ": no instance types");
    }
    return new PriceTable(source, byType);
  }

  private static InstancePrice row(String source, int lineNumber, String line) {
    String[] f = line.split(",", -1);
    if (f.length != 6) {
      throw new IllegalArgumentException(
          source + " line " + lineNumber + ": expected 6 columns, found " + f.length);
    }
    try {
      return new InstancePrice(
          f[0].strip(),
          Integer.parseInt(f[1].strip()),
          Double.parseDouble(f[2].strip()),
          Double.parseDouble(f[3].strip()),
          Double.parseDouble(f[4].strip()),
          Double.parseDouble(f[5].strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " line " + lineNumber + ": " + e.getMessage(), e);
    }
  }

  public InstancePrice find(String type) {
    InstancePrice price = byType.get(type);
    if (price == null) {
      throw new IllegalArgumentException(
          "no price for " + type + " in " + source + "; it has " + byType.keySet());
    }
    return price;
  }

  public String source() {
    return source;
  }
}
