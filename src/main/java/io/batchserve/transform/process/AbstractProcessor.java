package io.batchserve.transform.process;

/** The filters and the join flag shared by the CSV and JSON processors. */
abstract class AbstractProcessor implements RecordProcessor {
  final FilterPath in;
  final boolean joins;
  final FilterPath out;

  AbstractProcessor(FilterPath in, boolean joins, FilterPath out) {
    this.in = in;
    this.joins = joins;
    this.out = out;
  }

  @Override
  public boolean filtersInput() {
    return !in.isIdentity();
  }

  @Override
  public boolean joins() {
    return joins;
  }

  @Override
  public boolean buildsOutput() {
    return joins || !out.isIdentity();
  }
}
