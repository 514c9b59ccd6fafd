package io.batchserve.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFilesTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private static List<String> text(RecordSet set) {
    return set.records().stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
  }

  @Test
  void read_csvWithIdColumn_dropsItAndSkipsBlankLines() throws Exception {
    Path a = file("a.csv", "C1,1,2\r\nC2,3,4\n\n");
    Path b = file("b.csv", "C3,5,6");

    RecordSet set = RecordFiles.read(List.of(a, b), null, true, 100);

    assertEquals(RecordFiles.CSV, set.contentType());
    assertEquals(List.of("1,2", "3,4", "5,6"), text(set));
  }

  @Test
  void read_jsonLines_typeFromTheName() throws Exception {
    RecordSet set =
        RecordFiles.read(List.of(file("items.jsonl", "{\"a\":1}\n{\"a\":2}\n")), null, false, 100);

    assertEquals(RecordFiles.JSON_LINES, set.contentType());
    assertEquals(2, set.records().size());
  }

  @Test
  void read_maxRecords_stopsThere() throws Exception {
    assertEquals(
        2, RecordFiles.read(List.of(file("a.csv", "1\n2\n3\n")), null, false, 2).records().size());
  }

  @Test
  void read_mixedTypes_isRefused() throws Exception {
    List<Path> files = List.of(file("a.csv", "1\n"), file("b.jsonl", "{}\n"));

    var e =
        assertThrows(
            IllegalArgumentException.class, () -> RecordFiles.read(files, null, false, 10));
    assertTrue(e.getMessage().contains("mix"), e.getMessage());
  }

  @Test
  void read_unknownExtension_asksForTheContentType() throws Exception {
    Path data = file("data.txt", "1\n");

    var e =
        assertThrows(
            IllegalArgumentException.class, () -> RecordFiles.read(List.of(data), null, false, 10));
    assertTrue(e.getMessage().contains("--content-type"), e.getMessage());
    assertEquals("text/csv", RecordFiles.read(List.of(data), "text/csv", false, 10).contentType());
  }

  @Test
  void read_dropFirstColumnOfASingleColumn_isRefused() throws Exception {
    Path data = file("a.csv", "1,2\n3\n");

    var e =
        assertThrows(
            IllegalArgumentException.class, () -> RecordFiles.read(List.of(data), null, true, 10));
    assertTrue(e.getMessage().contains("record 2 has a single column"), e.getMessage());
  }
}
