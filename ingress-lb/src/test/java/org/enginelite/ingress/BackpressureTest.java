package org.enginelite.ingress;

import static org.enginelite.ingress.TestServers.readLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A backend that writes as fast as it can to a client that does not read: the balancer must stop reading the
 * backend instead of queueing what the client cannot take.
 */
class BackpressureTest {
  private static final int CHUNK = 64 * 1024;

  private static long usedDirectMemory() {
    return ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric().usedDirectMemory();
  }

  private static long openPipes() throws IOException {
    try (java.util.stream.Stream<java.nio.file.Path> fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
      return fds.filter(
              p -> {
                try {
                  return java.nio.file.Files.readSymbolicLink(p).toString().startsWith("pipe:");
                } catch (IOException e) {
                  return false;
                }
              })
          .count();
    }
  }

  /** The backend's byte count once it has not moved for half a second, or -1 if it never stops within 20 s. */
  private static long awaitStall(AtomicLong written) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    long last = -1;
    while (System.nanoTime() < deadline) {
      Thread.sleep(500);
      long now = written.get();
      if (now == last && now > 0) {
        return now;
      }
      last = now;
    }
    return -1;
  }

  @ParameterizedTest
  @EnumSource(DataPath.class)
  void slowReader_backendFloods_memoryAndOutstandingBytesBounded(DataPath path) throws Exception {
    AtomicLong written = new AtomicLong();
    TestServers.Tcp flood =
        new TestServers.Tcp(
            "flood",
            (n, s) -> {
              try {
                s.setSendBufferSize(CHUNK);
                OutputStream out = s.getOutputStream();
                out.write("ready\n".getBytes());
                byte[] chunk = new byte[CHUNK];
                for (int i = 0; i < chunk.length; i++) {
                  chunk[i] = (byte) i;
                }
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline) {
                  out.write(chunk);
                  written.addAndGet(chunk.length);
                }
              } catch (IOException ignored) {
                // the test closed the connection
              }
            });
    try (flood;
        LoadBalancer lb = path.newBalancer(2)) {
      Listener l =
          lb.listen(
              Frontend.tcp(new InetSocketAddress(TestServers.LOOPBACK, 0))
                  .withOptions(FrontendOptions.DEFAULTS.withSplice(path.splice)),
              List.of(flood.address()));
      long directBefore = usedDirectMemory();
      long pipesBefore = openPipes();
      try (Socket client = new Socket()) {
        client.setReceiveBufferSize(CHUNK);
        client.connect(l.localAddress(), 2000);
        client.setSoTimeout(10_000);
        InputStream in = client.getInputStream();
        assertEquals("ready", readLine(in));
        // Let the backend push until it blocks; without backpressure it would move gigabytes into the heap here.
        long stalledAt = awaitStall(written);
        long outstanding = written.get() - l.stats().bytesOut();
        long grown = usedDirectMemory() - directBefore;
        // With splice on, the bulk stream runs through a kernel pipe (Netty makes one per target channel).
        assertEquals(path.splice, openPipes() > pipesBefore, "pipes before " + pipesBefore + ", now " + openPipes());
        // Kernel socket buffers (two connections, autotuned up to tens of MiB) are all that may hold data.
        assertTrue(written.get() < 96L * 1024 * 1024, "backend wrote " + written.get() + " bytes unread");
        assertTrue(stalledAt >= 0, "the backend never blocked: " + written.get() + " bytes written");
        assertTrue(grown < 4L * 1024 * 1024, "direct memory grew by " + grown);
        assertTrue(outstanding >= 0, "counted " + l.stats().bytesOut() + " forwarded, " + written.get() + " written");
        // Nothing was lost: the client now reads at full speed and gets every byte, in order.
        long toRead = written.get();
        byte[] buf = new byte[CHUNK];
        long read = 0;
        while (read < toRead) {
          int n = in.read(buf, 0, (int) Math.min(buf.length, toRead - read));
          for (int i = 0; i < n; i++) {
            if (buf[i] != (byte) ((read + i) % CHUNK)) {
              throw new AssertionError("byte " + (read + i) + " corrupted");
            }
          }
          read += n;
        }
        assertEquals(toRead, read);
      }
    }
  }
}
