package org.enginelite.dns;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.handler.codec.dns.DnsPtrRecord;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.driver.ipam.Ipv4Address;

/**
 * A plain-JDK DNS client for tests: messages are encoded and decoded with Netty's codec in an
 * {@link EmbeddedChannel}, and sent over JDK sockets, so a query can be made from any thread (also one inside a
 * network namespace) without an event loop.
 */
final class DnsWire {
  private static final InetSocketAddress ANY = new InetSocketAddress(0);

  /** What came back: the code and the A addresses or PTR names of the answer section. */
  record Answer(DnsResponseCode code, List<String> values, boolean truncated) {}

  private DnsWire() {}

  static byte[] encode(int id, String name, DnsRecordType type) {
    EmbeddedChannel ch = new EmbeddedChannel(new DatagramDnsQueryEncoder());
    DatagramDnsQuery q = new DatagramDnsQuery(ANY, ANY, id);
    q.setRecursionDesired(true);
    q.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(name, type));
    ch.writeOutbound(q);
    DatagramPacket p = ch.readOutbound();
    byte[] bytes = ByteBufUtil.getBytes(p.content());
    p.release();
    ch.finishAndReleaseAll();
    return bytes;
  }

  static Answer decode(byte[] bytes) {
    EmbeddedChannel ch = new EmbeddedChannel(new DatagramDnsResponseDecoder());
    ch.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(bytes), ANY, ANY));
    DatagramDnsResponse r = ch.readInbound();
    try {
      return answer(r);
    } finally {
      r.release();
      ch.finishAndReleaseAll();
    }
  }

  static Answer answer(DnsResponse r) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < r.count(DnsSection.ANSWER); i++) {
      DnsRecord rec = r.recordAt(DnsSection.ANSWER, i);
      if (rec instanceof DnsRawRecord raw && rec.type().equals(DnsRecordType.A)) {
        ByteBuf c = raw.content();
        values.add(new Ipv4Address(c.getInt(c.readerIndex())).toString());
      } else if (rec instanceof DnsPtrRecord ptr) {
        values.add(ptr.hostname());
      }
    }
    return new Answer(r.code(), values, r.isTruncated());
  }

  static Answer udp(InetSocketAddress server, String name, DnsRecordType type) throws Exception {
    try (DatagramSocket s = new DatagramSocket()) {
      s.setSoTimeout(5000);
      byte[] q = encode(4242, name, type);
      s.send(new java.net.DatagramPacket(q, q.length, server));
      java.net.DatagramPacket in = new java.net.DatagramPacket(new byte[4096], 4096);
      s.receive(in);
      return decode(java.util.Arrays.copyOf(in.getData(), in.getLength()));
    }
  }

  static Answer tcp(InetSocketAddress server, String name, DnsRecordType type) throws Exception {
    try (Socket s = new Socket()) {
      s.connect(server, 5000);
      s.setSoTimeout(5000);
      byte[] q = encode(4343, name, type);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeShort(q.length);
      out.write(q);
      out.flush();
      DataInputStream in = new DataInputStream(s.getInputStream());
      byte[] r = new byte[in.readUnsignedShort()];
      in.readFully(r);
      return decode(r);
    }
  }
}
