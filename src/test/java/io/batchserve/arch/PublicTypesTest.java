package io.batchserve.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.batchserve.model.ModelKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A type is public only when another package needs it: something outside its package (main code or
 * a test) uses it, it appears in the signature of a public member another package can call, or the
 * ServiceLoader instantiates it (a {@link ModelKind}). Anything else is package-private, so a
 * package's surface is what it exports on purpose.
 */
class PublicTypesTest {
  @Test
  void publicTypes_areUsedFromAnotherPackage() {
    JavaClasses all = new ClassFileImporter().importPackages("io.batchserve");
    List<String> unused = new ArrayList<>();
    for (JavaClass type : all) {
      if (isMain(type) && isPublic(type) && !needed(type, new HashSet<>())) {
        unused.add(type.getName());
      }
    }
    assertEquals(List.of(), unused, "public types that nothing outside their package uses");
  }

  /** Whether another package needs {@code type}; {@code seen} stops the walk through exposers. */
  private static boolean needed(JavaClass type, Set<JavaClass> seen) {
    if (!seen.add(type)) {
      return false;
    }
    return usedOutside(type)
        || type.isAssignableTo(ModelKind.class)
        || exposedBy(type).stream().anyMatch(owner -> needed(owner, seen));
  }

  private static boolean usedOutside(JavaClass type) {
    return type.getDirectDependenciesToSelf().stream()
        .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
  }

  /** The public types whose public members name {@code type} in their signatures. */
  private static Set<JavaClass> exposedBy(JavaClass type) {
    return type.getDirectDependenciesToSelf().stream()
        .map(d -> d.getOriginClass())
        .filter(PublicTypesTest::isPublic)
        .filter(owner -> owner.getMembers().stream().anyMatch(m -> isPublic(m) && names(m, type)))
        .collect(Collectors.toSet());
  }

  private static boolean names(JavaMember member, JavaClass type) {
    if (member instanceof JavaCodeUnit unit) {
      return unit.getRawReturnType().equals(type)
          || unit.getRawParameterTypes().contains(type)
          || unit.getThrowsClause().getTypes().contains(type)
          || unit.getReturnType().getAllInvolvedRawTypes().contains(type)
          || unit.getParameterTypes().stream()
              .anyMatch(p -> p.getAllInvolvedRawTypes().contains(type));
    }
    return member instanceof JavaField field
        && field.getType().getAllInvolvedRawTypes().contains(type);
  }

  private static boolean isMain(JavaClass type) {
    return type.getSource()
        .map(s -> !s.getUri().toString().contains("/test-classes/"))
        .orElse(false);
  }

  private static boolean isPublic(JavaClass type) {
    return type.getModifiers().contains(JavaModifier.PUBLIC)
        && type.getEnclosingClass().map(PublicTypesTest::isPublic).orElse(true);
  }

  private static boolean isPublic(JavaMember member) {
    return member.getModifiers().contains(JavaModifier.PUBLIC);
  }
}
