package io.batchserve.transform.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.batchserve.transform.job.JoinSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordProcessorTest {
  private static String in(RecordProcessor p, String record) {
    return new String(p.input(record.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  private static String out(RecordProcessor p, String original, String response) {
    byte[] o = original == null ? null : original.getBytes(StandardCharsets.UTF_8);
    return new String(
        p.output(o, response.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  private static RecordProcessor csv(String in, JoinSource join, String out, SliceEnd end) {
    return RecordProcessor.of("text/csv", in, join, out, end);
  }

  @Test
  void csvInputFilter_dropsTheIdColumn() {
    assertEquals("1,2,3", in(csv("$[1:]", JoinSource.None, "$", SliceEnd.INCLUSIVE), "id7,1,2,3"));
  }

  @Test
  void slice_inclusiveByDefault_exclusiveAsOption() {
    assertEquals(
        "b,c,d,e", in(csv("$[1:4]", JoinSource.None, "$", SliceEnd.INCLUSIVE), "a,b,c,d,e,f"));
    assertEquals(
        "b,c,d", in(csv("$[1:4]", JoinSource.None, "$", SliceEnd.EXCLUSIVE), "a,b,c,d,e,f"));
    assertEquals(
        "a,b,c,d,e,f", in(csv("$[:5]", JoinSource.None, "$", SliceEnd.INCLUSIVE), "a,b,c,d,e,f"));
    assertEquals(
        "a,b,c,d,e", in(csv("$[:5]", JoinSource.None, "$", SliceEnd.EXCLUSIVE), "a,b,c,d,e,f"));
    assertEquals("a,b,c", in(csv("$[0:-1]", JoinSource.None, "$", SliceEnd.INCLUSIVE), "a,b,c"));
    assertEquals("a,b,c", in(csv("$[:-1]", JoinSource.None, "$", SliceEnd.INCLUSIVE), "a,b,c"));
    assertEquals("a,b", in(csv("$[:-1]", JoinSource.None, "$", SliceEnd.EXCLUSIVE), "a,b,c"));
  }

  @Test
  void inclusive_rewritesOnlySliceEnds() {
    assertEquals("$[1:5]", FilterPath.inclusive("$[1:4]"));
    assertEquals("$[0:]", FilterPath.inclusive("$[:-1]"));
    assertEquals("$[2:]", FilterPath.inclusive("$[2:]"));
    assertEquals("$[0,-1]", FilterPath.inclusive("$[0,-1]"));
  }

  @Test
  void csvJoin_appendsTheOutputToTheOriginalUnfilteredRow() {
    RecordProcessor p = csv("$[1:]", JoinSource.Input, "$", SliceEnd.INCLUSIVE);
    assertEquals("id7,1,2,3,0.25", out(p, "id7,1,2,3", "0.25"));
  }

  @Test
  void csvJoinAndOutputFilter_keepsIdAndPrediction() {
    RecordProcessor p = csv("$[1:]", JoinSource.Input, "$[0,-1]", SliceEnd.INCLUSIVE);
    assertEquals("id7,0.25", out(p, "id7,1,2,3", "0.25"));
  }

  @Test
  void csvQuotedFields_surviveFilteringWithMinimalQuoting() {
    RecordProcessor p = csv("$[1:]", JoinSource.None, "$", SliceEnd.INCLUSIVE);
    assertEquals("\"a,b\",\"say \"\"hi\"\"\",3", in(p, "x,\"a,b\",\"say \"\"hi\"\"\",3"));
  }

  @Test
  void csvParse_fastPathForRowsWithoutQuotes_agreesWithCommonsCsv() {
    Random random = new Random(11);
    String alphabet = "ab, 1.;\t-";
    for (int i = 0; i < 2000; i++) {
      StringBuilder row = new StringBuilder();
      for (int j = random.nextInt(12); j > 0; j--) {
        row.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertEquals(
          CsvProcessor.parseWithLibrary(row.toString()),
          CsvProcessor.parse(row.toString()),
          row.toString());
    }
    assertEquals(List.of("a,b", "c"), CsvProcessor.parse("\"a,b\",c"));
  }

  @Test
  void csvIndexOutsideTheRow_isAnError() {
    RecordProcessor p = csv("$", JoinSource.Input, "$[0,5]", SliceEnd.INCLUSIVE);
    var e = assertThrows(IllegalArgumentException.class, () -> out(p, "a,b", "0.5"));
    assertTrue(e.getMessage().contains("index 5 is outside the record's 3 fields"), e.getMessage());
  }

  @Test
  void jsonJoin_putsTheOutputUnderSageMakerOutput() {
    RecordProcessor p =
        RecordProcessor.of(
            "application/jsonlines", "$.features", JoinSource.Input, "$", SliceEnd.INCLUSIVE);
    assertEquals("[1,2.50]", in(p, "{\"id\":\"a\",\"features\":[1,2.50]}"));
    assertEquals(
        "{\"id\":\"a\",\"features\":[1,2.50],\"SageMakerOutput\":{\"score\":0.5}}",
        out(p, "{\"id\":\"a\",\"features\":[1,2.50]}", "{\"score\":0.5}"));
  }

  @Test
  void jsonJoinOfNonObject_wrapsInputAndOutput() {
    RecordProcessor p =
        RecordProcessor.of("application/json", "$", JoinSource.Input, "$", SliceEnd.INCLUSIVE);
    assertEquals("{\"SageMakerInput\":[1,2],\"SageMakerOutput\":0.5}", out(p, "[1,2]", "0.5"));
  }

  @Test
  void jsonOutputFilter_selectsNamedFields() {
    RecordProcessor p =
        RecordProcessor.of(
            "application/jsonlines",
            "$",
            JoinSource.Input,
            "$['id','SageMakerOutput']",
            SliceEnd.INCLUSIVE);
    assertEquals(
        "{\"id\":\"a\",\"SageMakerOutput\":{\"score\":1}}",
        out(p, "{\"id\":\"a\",\"x\":3}", "{\"score\":1}"));
  }

  @Test
  void jsonResponseThatIsNotJson_isAnErrorSayingSo() {
    RecordProcessor p =
        RecordProcessor.of("application/jsonlines", "$", JoinSource.Input, "$", SliceEnd.INCLUSIVE);
    var e = assertThrows(IllegalArgumentException.class, () -> out(p, "{}", "oops"));
    assertTrue(e.getMessage().startsWith("response record is not JSON"), e.getMessage());
  }

  @Test
  void lines_countAndSplit() {
    assertEquals(2, Lines.count("a\nb\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, Lines.count("a\nb".getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, Lines.count(new byte[0]));
    assertEquals(
        List.of("a", "", "b"),
        Lines.split("a\r\n\nb".getBytes(StandardCharsets.UTF_8)).stream()
            .map(b -> new String(b, StandardCharsets.UTF_8))
            .toList());
  }
}
