package org.enginelite.benchmarks.dns;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsSection;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.enginelite.benchmarks.AbstractMicrobenchmark;
import org.enginelite.dns.DnsForwarder;
import org.enginelite.dns.DnsTransport;
import org.enginelite.dns.EmbeddedDnsServer;
import org.enginelite.dns.NameTable;
import org.enginelite.driver.ipam.Ipv4Address;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A container's lookup as its resolver makes it: one UDP query to the server and the answer back, over the
 * host's loopback, with 1000 containers in the table. {@code forwarded} asks for a name outside the table, which
 * goes through the forwarder to an upstream server (itself an embedded server on loopback).
 */
public class DnsQueryBenchmark extends AbstractMicrobenchmark {
  private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  private DnsTransport transport;
  private EmbeddedDnsServer upstream;
  private DnsForwarder forwarder;
  private EmbeddedDnsServer server;
  private DatagramSocket client;
  private byte[] localQuery;
  private byte[] forwardedQuery;
  private final byte[] answer = new byte[1500];

  @Setup(Level.Trial)
  public void start() throws IOException {
    transport = DnsTransport.create(1);
    NameTable table = new NameTable();
    for (int i = 0; i < 1000; i++) {
      table.register("net", "c" + i, List.of("c" + i, "alias" + (i % 10)), Ipv4Address.parse("10.1."
          + (i / 250) + "." + (i % 250 + 2)));
    }
    NameTable upstreamTable = new NameTable();
    upstreamTable.register("up", "x", List.of("app.example.com"), Ipv4Address.parse("192.0.2.10"));
    upstream = EmbeddedDnsServer.start(LOOPBACK, LOOPBACK, transport, upstreamTable.view(() -> List.of("up")), null);
    forwarder = new DnsForwarder(transport, List.of(upstream.udpAddress()), Duration.ofSeconds(2));
    server = EmbeddedDnsServer.start(LOOPBACK, LOOPBACK, transport, table.view(() -> List.of("net")), forwarder);
    client = new DatagramSocket();
    client.setSoTimeout(2000);
    client.connect(server.udpAddress());
    localQuery = encode("c777");
    forwardedQuery = encode("app.example.com");
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    server.close();
    forwarder.close();
    upstream.close();
    transport.group().shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static byte[] encode(String name) {
    EmbeddedChannel ch = new EmbeddedChannel(new DatagramDnsQueryEncoder());
    DatagramDnsQuery q = new DatagramDnsQuery(LOOPBACK, LOOPBACK, 7);
    q.setRecursionDesired(true);
    q.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(name, DnsRecordType.A));
    ch.writeOutbound(q);
    DatagramPacket p = ch.readOutbound();
    byte[] bytes = ByteBufUtil.getBytes(p.content());
    p.release();
    ch.finishAndReleaseAll();
    return bytes;
  }

  private int roundTrip(byte[] query) throws IOException {
    client.send(new java.net.DatagramPacket(query, query.length));
    java.net.DatagramPacket in = new java.net.DatagramPacket(answer, answer.length);
    client.receive(in);
    return in.getLength();
  }

  /** A container name answered from the table. */
  @Benchmark
  public int local() throws IOException {
    return roundTrip(localQuery);
  }

  /** A name outside the table, forwarded upstream and relayed back. */
  @Benchmark
  public int forwarded() throws IOException {
    return roundTrip(forwardedQuery);
  }
}
