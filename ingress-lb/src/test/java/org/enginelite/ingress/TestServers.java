package org.enginelite.ingress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** Small blocking servers on loopback, one thread per connection, for the balancer's tests. */
final class TestServers {
  private TestServers() {}

  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  /** A TCP server running a handler per connection (its name and the socket). */
  static final class Tcp implements AutoCloseable {
    final String name;
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    Tcp(String name, BiConsumer<String, Socket> handler) throws IOException {
      this.name = name;
      this.server = new ServerSocket(0, 50, LOOPBACK);
      Thread t =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try {
                    Socket s = server.accept();
                    accepted.add(s);
                    Thread h =
                        new Thread(
                            () -> {
                              try (s) {
                                handler.accept(name, s);
                              } catch (IOException ignored) {
                                // peer gone
                              }
                            });
                    h.setDaemon(true);
                    h.start();
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "test-server-" + name);
      t.setDaemon(true);
      t.start();
    }

    InetSocketAddress address() {
      return new InetSocketAddress(LOOPBACK, server.getLocalPort());
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  /** Says its name on a line, then echoes every byte until the client closes. */
  static Tcp namedEcho(String name) throws IOException {
    return new Tcp(
        name,
        (n, s) -> {
          try {
            OutputStream out = s.getOutputStream();
            out.write((n + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.getInputStream().transferTo(out);
          } catch (IOException ignored) {
            // peer gone
          }
        });
  }

  static void writeQuietly(OutputStream out, byte[] b) {
    try {
      out.write(b);
      out.flush();
    } catch (IOException ignored) {
      // peer gone
    }
  }

  /** Reads one line (without the newline) from a raw stream. */
  static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      sb.append((char) c);
    }
    return sb.toString();
  }

  static Socket connect(InetSocketAddress a) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(LOOPBACK, a.getPort()), 2000);
    s.setSoTimeout(5000);
    return s;
  }

  /** A UDP server answering each datagram with "name:payload". */
  static final class Udp implements AutoCloseable {
    private final DatagramSocket socket;

    Udp(String name) throws SocketException {
      socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
      Thread t =
          new Thread(
              () -> {
                byte[] buf = new byte[2048];
                while (!socket.isClosed()) {
                  try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    byte[] reply =
                        (name + ":" + new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII))
                            .getBytes(StandardCharsets.US_ASCII);
                    socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "test-udp-" + name);
      t.setDaemon(true);
      t.start();
    }

    InetSocketAddress address() {
      return new InetSocketAddress(LOOPBACK, socket.getLocalPort());
    }

    @Override
    public void close() {
      socket.close();
    }
  }

  /** A loopback port with nothing listening: connects to it are refused. */
  static InetSocketAddress refusingPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
      return new InetSocketAddress(LOOPBACK, s.getLocalPort());
    }
  }

  static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }
}
