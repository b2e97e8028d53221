package org.enginelite.terminal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DetachKeysTest {

  private static byte[] b(int... bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = (byte) bytes[i];
    }
    return out;
  }

  @Test
  void defaultSequence_typedKeyByKey_detaches_andNothingOfItIsPassedOn() {
    DetachKeys.Watcher w = DetachKeys.parse(DetachKeys.DEFAULT).watcher();
    assertArrayEquals(b('l'), w.pass(b('l'), 1));
    assertArrayEquals(new byte[0], w.pass(b(0x10), 1), "ctrl-p is held back");
    assertNull(w.pass(b(0x11), 1), "ctrl-q completes the sequence");
  }

  @Test
  void aBrokenSequence_passesTheHeldKeysOn_andPastedTextNeverDetaches() {
    DetachKeys.Watcher w = DetachKeys.parse(DetachKeys.DEFAULT).watcher();
    w.pass(b(0x10), 1);
    assertArrayEquals(b(0x10, 'x'), w.pass(b('x'), 1));
    assertArrayEquals(b(0x10, 0x11), w.pass(b(0x10, 0x11, 0), 2), "two keys in one read are text");
  }

  @Test
  void parse_dockersNotation() {
    DetachKeys.Watcher w = DetachKeys.parse("ctrl-a,X,ctrl-@,ctrl-_").watcher();
    for (int key : new int[] {1, 'X', 0}) {
      assertArrayEquals(new byte[0], w.pass(b(key), 1));
    }
    assertNull(w.pass(b(31), 1));
    assertArrayEquals(b(0x10), DetachKeys.parse("").watcher().pass(b(0x10), 1), "no keys: never detaches");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DetachKeys.parse("ctrl-1"));
    assertEquals("Unknown character: 'ctrl-1'", e.getMessage());
  }
}
