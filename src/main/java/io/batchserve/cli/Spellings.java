package io.batchserve.cli;

import io.batchserve.transform.process.SliceEnd;
import io.batchserve.transform.report.Progress;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enum flag by its spelling on the command line, in any case (see {@link #spelling}), and
 * names the choices when a value is none of them: {@code 'sometimes' is not always or if-missing}.
 */
class Spellings<E extends Enum<E>> implements ITypeConverter<E> {
  // picocli instantiates a flag's converter from its class: one per enum flag.
  static final class OfProgress extends Spellings<Progress.Mode> {
    OfProgress() {
      super(Progress.Mode.class);
    }
  }

  static final class OfSliceEnd extends Spellings<SliceEnd> {
    OfSliceEnd() {
      super(SliceEnd.class);
    }
  }

  static final class OfPayloadUnit extends Spellings<TransformHarnessFlags.PayloadUnit> {
    OfPayloadUnit() {
      super(TransformHarnessFlags.PayloadUnit.class);
    }
  }

  static final class OfNewline extends Spellings<TransformHarnessFlags.Newline> {
    OfNewline() {
      super(TransformHarnessFlags.Newline.class);
    }
  }

  private final Class<E> type;

  Spellings(Class<E> type) {
    this.type = type;
  }

  @Override
  public E convert(String value) {
    for (E choice : type.getEnumConstants()) {
      if (choice.toString().equalsIgnoreCase(value) || spelling(choice).equalsIgnoreCase(value)) {
        return choice;
      }
    }
    throw new TypeConversionException("'" + value + "' is not " + choices());
  }

  private String choices() {
    String[] all =
        Arrays.stream(type.getEnumConstants()).map(Spellings::spelling).toArray(String[]::new);
    return all.length == 1
        ? all[0]
        : Arrays.stream(all, 0, all.length - 1).collect(Collectors.joining(", "))
            + " or "
            + all[all.length - 1];
  }

  /**
   * Its {@code toString()} where the enum gives one, else its name in lower case with {@code -} for
   * {@code _}.
   */
  private static String spelling(Enum<?> choice) {
    return !choice.toString().equals(choice.name())
        ? choice.toString()
        : choice.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
