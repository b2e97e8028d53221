package org.enginelite.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * A run that loads the classes CLI calls need, so bin/engine-lite can dump them into an AppCDS archive on first
 * use. With no argument: every verb's command model, the unreachable-daemon path, JSON trees, and whole ps calls
 * (HTTP over a unix socket, the streaming list reader, the table) against a stand-in that answers every request
 * with one container list. With {@code ps}: the ps calls and ps's unreachable-daemon path only, for the archive
 * of the verb typed most: the JVM relocates every page of its archive at start, so an archive of only what ps
 * loads (no jackson-databind, no other verb's model) maps faster. Both start with the warm-up every call starts.
 */
public final class CdsTraining {

  private static final String SAMPLE = "[{\"Id\":\"4f3c2b1a09876543210fedcba9876543210fedcba9876543210fedcba987654\","
      + "\"Names\":[\"/web\"],\"Image\":\"engine-lite/busybox\",\"Command\":\"httpd -f -p 80 -h /www\","
      + "\"Created\":1700000000,\"Ports\":[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":8080,"
      + "\"Type\":\"tcp\"}],\"Status\":\"Up 2 minutes\",\"State\":\"running\",\"Labels\":{}}]";

  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    boolean psOnly = args.length > 0 && args[0].equals("ps");
    EngineLiteCli.leanStart();
    new ClientWarmUp().run();
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    // The calls below name their socket with -H; a real call usually reads it from the environment.
    EngineHost.resolve(null);
    if (!psOnly) {
      CommandLine all = CommandRegistry.commandLine(new EngineLiteCli(nowhere, nowhere, null), new String[0]);
      all.usage(nowhere);
    }
    String nowhereSocket = "unix:///nonexistent/engine-lite-training.sock";
    EngineLiteCli.execute(new String[] {"-H", nowhereSocket, "ps"}, nowhere, nowhere, null);
    if (!psOnly) {
      for (String verb : new String[] {"ps", "images", "logs", "inspect", "rm", "version", "run"}) {
        EngineLiteCli.execute(new String[] {"-H", nowhereSocket, verb, "x"}, nowhere, nowhere, null);
      }
    }
    Path dir = Files.createTempDirectory("engine-lite-training-");
    Path socket = dir.resolve("engine.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread answering = new Thread(() -> answerWithSample(server), "training-daemon");
      answering.setDaemon(true);
      answering.start();
      for (String[] call : new String[][] {{"ps"}, {"ps", "-a", "--filter", "name=web"}, {"ps", "-q"}}) {
        String[] line = new String[call.length + 2];
        line[0] = "-H";
        line[1] = "unix://" + socket;
        System.arraycopy(call, 0, line, 2, call.length);
        EngineLiteCli.execute(line, nowhere, nowhere, null);
      }
    } finally {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    }
    if (!psOnly) {
      nowhere.print(Json.pretty(Json.mapper().readTree(SAMPLE)));
    }
    nowhere.flush();
  }

  /** Answers each connection's request, whatever it asks, with SAMPLE, until the socket is closed. */
  private static void answerWithSample(ServerSocketChannel server) {
    byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    while (server.isOpen()) {
      try (SocketChannel c = server.accept()) {
        ByteBuffer in = ByteBuffer.allocate(8192);
        while (c.read(in) > 0 && !new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII)
            .contains("\r\n\r\n")) {
          // The request head is all a GET has.
        }
        c.write(ByteBuffer.wrap(head));
        c.write(ByteBuffer.wrap(body));
      } catch (IOException e) {
        return;
      }
    }
  }
}
