package dev.kiln.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lists a fetch plan hands out: what {@code List.of} gives, without its second array. */
class ChildrenTest {

  @Test
  void aSliceCopiedIsACopyTheBufferNoLongerChanges() {
    Object[] buffer = new Object[64];
    List<List<Object>> taken = new ArrayList<>();
    for (int size = 0; size <= 40; size++) {
      int from = size % 7; // slices start anywhere in the buffer
      for (int i = 0; i < size; i++) {
        buffer[from + i] = size + ":" + i;
      }
      taken.add(Children.copyOf(buffer, from, from + size));
    }
    for (int size = 0; size <= 40; size++) {
      List<Object> expected = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        expected.add(size + ":" + i);
      }
      assertEquals(expected, taken.get(size));
      assertEquals(expected.hashCode(), taken.get(size).hashCode());
    }
  }

  @Test
  void anOwnedArrayIsKeptAndTheListRefusesChanges() {
    Object[] elements = {"a", "b", "c", "d"};
    List<Object> list = Children.own(elements);
    assertEquals(List.of("a", "b", "c", "d"), list);
    Object[] out = list.toArray();
    assertNotSame(elements, out);
    out[0] = "z";
    assertEquals("a", list.get(0));
    assertThrows(UnsupportedOperationException.class, () -> list.add("e"));
    assertThrows(UnsupportedOperationException.class, () -> list.set(0, "e"));
    assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
    assertThrows(IndexOutOfBoundsException.class, () -> list.get(4));
    assertEquals(List.of(), Children.own(new Object[0]));
    assertEquals(List.of("x"), Children.own(new Object[] {"x"}));
  }

  @Test
  void aListSerializesAsTheSameElements() throws Exception {
    List<Object> list = Children.copyOf(new Object[] {null, "a", "b", "c", null}, 1, 4);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(list);
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(List.of("a", "b", "c"), in.readObject());
    }
  }
}
