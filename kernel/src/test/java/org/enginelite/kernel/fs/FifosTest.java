package org.enginelite.kernel.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.enginelite.kernel.KernelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FifosTest {
  @TempDir Path dir;

  @Test
  void create_makesAFifoThatCarriesBytesAndEndsWhenTheLastWriterCloses() throws Exception {
    Path fifo = dir.resolve("stdin");
    Fifos.create(fifo);
    Fifos.create(fifo); // an existing FIFO is kept
    assertTrue(Fifos.isFifo(fifo));
    // Opening read-write never blocks on Linux: the writer exists before any reader opens.
    FileChannel writer = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try (InputStream reader = Files.newInputStream(fifo)) {
      writer.write(ByteBuffer.wrap("hello".getBytes()));
      writer.close();
      assertArrayEquals("hello".getBytes(), reader.readAllBytes(), "bytes, then end of file");
    }
  }

  @Test
  void create_overARegularFile_fails() throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    KernelException e = assertThrows(KernelException.class, () -> Fifos.create(file));
    assertTrue(e.getMessage().contains("mkfifo"), e.getMessage());
    assertFalse(Fifos.isFifo(file));
    assertEquals("x", Files.readString(file));
  }
}
