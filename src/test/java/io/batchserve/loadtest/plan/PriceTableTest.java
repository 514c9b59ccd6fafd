package io.batchserve.loadtest.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTableTest {
  private static final String HEADER =
      "instance_type,vcpu,memory_gib,batch_usd_per_hour,realtime_usd_per_hour,async_usd_per_hour\n";

  @Test
  void bundled_parsesAndDocumentsItsSource() {
    InstancePrice price = PriceTable.bundled().find("ml.m5.4xlarge");

    assertEquals(new InstancePrice("ml.m5.4xlarge", 16, 64, 0.922, 0.922, 0.922), price);
    assertTrue(PriceTable.bundledText().contains("EXAMPLE NUMBERS"));
  }

  @Test
  void parse_editedCopy_commentsAndBlankLinesIgnored() {
    PriceTable table =
        PriceTable.parse("mine", "# my prices\n\n" + HEADER + "ml.x,2,4,0.1,0.2,0.3\n");

    assertEquals(0.3, table.find("ml.x").asyncPerHour());
  }

  @Test
  void parse_badRow_namesTheLine() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PriceTable.parse("mine", HEADER + "ml.x,2,4,cheap,0.2,0.3\n"));

    assertTrue(e.getMessage().startsWith("mine line 2: "), e.getMessage());
  }

  @Test
  void parse_missingHeader_isRefused() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PriceTable.parse("mine", "ml.x,2,4,0.1,0.2,0.3\n"));

    assertTrue(e.getMessage().contains("expected the header"), e.getMessage());
  }

  @Test
  void find_unknownType_listsTheKnownOnes() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> PriceTable.bundled().find("ml.z9.huge"));

    assertTrue(e.getMessage().contains("ml.m5.xlarge"), e.getMessage());
  }

  @Test
  void instances_rangesAndLists() {
    assertEquals(List.of(1, 2, 3, 8, 16), InstanceCounts.parse("1-3, 16,8"));
    assertThrows(IllegalArgumentException.class, () -> InstanceCounts.parse("5-1"));
    assertThrows(IllegalArgumentException.class, () -> InstanceCounts.parse("many"));
  }
}
