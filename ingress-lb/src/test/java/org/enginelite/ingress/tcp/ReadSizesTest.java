package org.enginelite.ingress.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.enginelite.ingress.Frontend;
import org.enginelite.ingress.transport.Transport;
import org.junit.jupiter.api.Test;

/** Reads start small, grow to 1 MiB only while they fill, and apply to both sockets of a session. */
class ReadSizesTest {

  private static int settle(RecvByteBufAllocator.Handle h, EmbeddedChannel ch, boolean fill) {
    for (int i = 0; i < 64; i++) {
      h.reset(ch.config());
      int guess = h.guess();
      h.attemptedBytesRead(guess);
      h.lastBytesRead(fill ? guess : 100);
      h.readComplete();
    }
    return h.guess();
  }

  @Test
  void reads_startAt2KiB_growTo1MiBWhileFull_shrinkWhenSmall() {
    EmbeddedChannel ch = new EmbeddedChannel();
    RecvByteBufAllocator.Handle h = TcpListener.READS.newHandle();
    assertEquals(2048, h.guess());
    assertEquals(1024 * 1024, settle(h, ch, true));
    assertTrue(settle(h, ch, false) <= 2048, "reads of 100 bytes keep a large buffer");
    ch.finishAndReleaseAll();
  }

  @Test
  void bothSocketsOfASession_takeTheReadSizes() throws Exception {
    Transport transport = Transport.best();
    EventLoopGroup group = transport.newGroup(1, "el-test");
    try (ServerSocket backend = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      TcpListener l =
          TcpListener.start(
              Frontend.tcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
              List.of((InetSocketAddress) backend.getLocalSocketAddress()),
              group,
              transport);
      try (Socket client = new Socket()) {
        client.connect(l.localAddress(), 2000);
        client.setSoTimeout(5000);
        try (Socket accepted = backend.accept()) {
          OutputStream out = client.getOutputStream();
          out.write('x');
          out.flush();
          InputStream in = accepted.getInputStream();
          assertEquals('x', in.read()); // the session is connected both ways
          Channel clientSide = l.connections().iterator().next();
          Channel backendSide = clientSide.pipeline().get(RelayHandler.class).session().backendChannel();
          assertSame(TcpListener.READS, clientSide.config().getRecvByteBufAllocator());
          assertSame(TcpListener.READS, backendSide.config().getRecvByteBufAllocator());
        }
      } finally {
        l.close();
      }
    } finally {
      group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
