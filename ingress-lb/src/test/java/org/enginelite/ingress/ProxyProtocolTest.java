package org.enginelite.ingress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.enginelite.driver.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** The backend sees the client's address in a PROXY header, then the client's bytes unchanged. */
class ProxyProtocolTest {
  private static final byte[] V2_SIGNATURE = {
    0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A
  };

  /** What the backend reads first. */
  interface Reader {
    byte[] read(InputStream in) throws IOException;
  }

  /** Starts a backend that hands what {@code reader} reads to the test. */
  private static byte[] receivedBy(
      ProxyProtocol version, byte[] payload, Reader reader, int[] clientPort, int[] lbPort) throws Exception {
    CompletableFuture<byte[]> got = new CompletableFuture<>();
    try (TestServers.Tcp backend =
            new TestServers.Tcp(
                "raw",
                (name, s) -> {
                  try {
                    got.complete(reader.read(s.getInputStream()));
                  } catch (IOException e) {
                    got.completeExceptionally(e);
                  }
                });
        LoadBalancer lb = LoadBalancer.create(1)) {
      Listener l =
          lb.listen(
              Frontend.tcp(new InetSocketAddress(TestServers.LOOPBACK, 0))
                  .withOptions(FrontendOptions.DEFAULTS.withProxyProtocol(version)),
              List.of(backend.address()));
      try (Socket s = TestServers.connect(l.localAddress())) {
        s.getOutputStream().write(payload);
        clientPort[0] = s.getLocalPort();
        lbPort[0] = l.localAddress().getPort();
        return got.get(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void v1_header_namesClientThenPayload() throws Exception {
    int[] clientPort = new int[1];
    int[] lbPort = new int[1];
    byte[] payload = "hello".getBytes(StandardCharsets.US_ASCII);
    byte[] got =
        receivedBy(
            ProxyProtocol.V1,
            payload,
            in -> (TestServers.readLine(in) + "\n" + new String(in.readNBytes(5), StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII),
            clientPort,
            lbPort);
    String header = "PROXY TCP4 127.0.0.1 127.0.0.1 " + clientPort[0] + " " + lbPort[0] + "\r\n";
    assertEquals(header + "hello", new String(got, StandardCharsets.US_ASCII));
  }

  @Test
  void v2_header_binaryAddressesThenPayload() throws Exception {
    int[] clientPort = new int[1];
    int[] lbPort = new int[1];
    byte[] payload = "hello".getBytes(StandardCharsets.US_ASCII);
    byte[] got = receivedBy(ProxyProtocol.V2, payload, in -> in.readNBytes(16 + 12 + 5), clientPort, lbPort);
    ByteBuffer b = ByteBuffer.wrap(got);
    byte[] sig = new byte[12];
    b.get(sig);
    assertArrayEquals(V2_SIGNATURE, sig);
    assertEquals(0x21, b.get() & 0xff, "version 2, PROXY command");
    assertEquals(0x11, b.get() & 0xff, "TCP over IPv4");
    assertEquals(12, b.getShort());
    assertEquals(0x7f000001, b.getInt());
    assertEquals(0x7f000001, b.getInt());
    assertEquals(clientPort[0], b.getShort() & 0xffff);
    assertEquals(lbPort[0], b.getShort() & 0xffff);
    byte[] rest = new byte[payload.length];
    b.get(rest);
    assertArrayEquals(payload, rest);
  }

  @Test
  void udpFrontend_withProxyProtocol_rejected() {
    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class,
            () ->
                Frontend.udp(new InetSocketAddress(TestServers.LOOPBACK, 0))
                    .withOptions(FrontendOptions.DEFAULTS.withProxyProtocol(ProxyProtocol.V1)));
    assertEquals("PROXY protocol headers are supported on TCP frontends only", e.getMessage());
  }
}
