package org.enginelite.engine.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogTest {

  @Test
  void parse_streamTimeText() {
    assertEquals(new LogLine(true, 1700000000L, "oops: a b"), ContainerLog.parse("E 1700000000 oops: a b"));
    assertEquals(new LogLine(false, 1L, ""), ContainerLog.parse("O 1 "));
    assertNull(ContainerLog.parse("X 1 text"));
    assertNull(ContainerLog.parse("O notanumber text"));
  }

  @Test
  void cursor_readsOnlyCompleteLinesAndResumes(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("container.log");
    Files.writeString(log, "O 1 first\nE 2 second\nO 3 par");
    ContainerLog.Cursor c = new ContainerLog.Cursor(log, 0);
    List<LogLine> got = new ArrayList<>();
    assertEquals(2, c.readAvailable(got::add));
    Files.writeString(log, "tial\n", java.nio.file.StandardOpenOption.APPEND);
    assertEquals(1, c.readAvailable(got::add));
    assertEquals("partial", got.get(2).text());
    assertEquals(0, c.readAvailable(got::add));
  }

  @Test
  void rawCursor_readsATerminalsBytesAsTheyCome_evenWithoutANewline(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("container.log");
    ContainerLog.RawCursor c = new ContainerLog.RawCursor(log, 0);
    assertEquals(0, c.read().length, "no file yet");
    Files.writeString(log, "/ # ");
    assertEquals("/ # ", new String(c.read()));
    Files.writeString(log, "ls\r\n", java.nio.file.StandardOpenOption.APPEND);
    assertEquals("ls\r\n", new String(c.readAll()));
    assertEquals(0, c.read().length);
  }

  @Test
  void lastLines_ofRawOutput_countsAnUnterminatedLastLine() {
    byte[] raw = "a\r\nb\r\nc\r\n/ # ".getBytes();
    assertEquals("/ # ", new String(ContainerLog.lastLines(raw, 1)));
    assertEquals("c\r\n/ # ", new String(ContainerLog.lastLines(raw, 2)));
    assertEquals("b\r\nc\r\n", new String(ContainerLog.lastLines("a\r\nb\r\nc\r\n".getBytes(), 2)));
    assertEquals("a\nb\n", new String(ContainerLog.lastLines("a\nb\n".getBytes(), 9)));
    assertEquals("", new String(ContainerLog.lastLines("a\nb\n".getBytes(), 0)));
  }

  @Test
  void frames_dockerHeader() {
    byte[] f = StreamFrames.frame(StreamFrames.STDERR, "hi\n".getBytes());
    assertArrayEquals(new byte[] {2, 0, 0, 0, 0, 0, 0, 3, 'h', 'i', '\n'}, f);
  }
}
