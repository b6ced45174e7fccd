package dev.kiln.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The benchmarks' quick mode, run by {@code mvn verify}: every benchmark method of every class,
 * for every value of its {@code contender} parameter, runs once on a fresh copy of the data set
 * and checks its result (each benchmark method throws when a contender read or wrote the wrong
 * rows), then the per-iteration checks run. Nothing is timed.
 */
class QuickModeTest {

  private static final List<Class<? extends Trial>> BENCHMARKS = List.of(
      FindById.class, Page.class, AuthorsWithBooks.class, AuthorsWithBooksNPlusOne.class,
      FindByIdThreads.class, InsertBooks.class, UpdateBook.class, KeysetPage.class, Report.class,
      CachedReport.class);

  @TestFactory
  Stream<DynamicTest> everyBenchmarkOnceForEveryContender() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Class<? extends Trial> type : BENCHMARKS) {
      String[] contenders = type.getField("contender").getAnnotation(Param.class).value();
      assertTrue(contenders.length > 0, type + " has no contenders");
      for (String contender : contenders) {
        tests.add(DynamicTest.dynamicTest(type.getSimpleName() + " / " + contender,
            () -> runOnce(type, contender)));
      }
    }
    return tests.stream();
  }

  private static void runOnce(Class<? extends Trial> type, String contender) throws Exception {
    Trial trial = type.getDeclaredConstructor().newInstance();
    type.getField("contender").set(trial, contender);
    trial.open();
    try {
      List<Method> benchmarks = new ArrayList<>();
      for (Method method : type.getMethods()) {
        if (method.isAnnotationPresent(Benchmark.class)) {
          benchmarks.add(method);
        }
      }
      assertFalse(benchmarks.isEmpty(), type + " has no benchmarks");
      for (Method benchmark : benchmarks) {
        benchmark.invoke(trial);
        benchmark.invoke(trial); // a second time: statements come from the caches now
      }
      for (Method method : type.getMethods()) {
        TearDown tearDown = method.getAnnotation(TearDown.class);
        if (tearDown != null && tearDown.value() == Level.Iteration) {
          method.invoke(trial);
        }
      }
    } finally {
      trial.close();
    }
  }
}
