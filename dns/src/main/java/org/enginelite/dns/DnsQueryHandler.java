package org.enginelite.dns;

import io.netty.buffer.Unpooled;
import io.netty.channel.AddressedEnvelope;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DefaultDnsPtrRecord;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DefaultDnsResponse;
import io.netty.handler.codec.dns.DnsOpCode;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.enginelite.driver.ipam.Ipv4Address;

/**
 * Answers one container's queries, over UDP and TCP alike: A records from its {@link LocalNames} (all addresses,
 * shuffled, so an alias spreads over its containers as Docker's does), an empty answer for other types of a known
 * name, PTR for known addresses, NXDOMAIN for unknown single-label names (they can only mean a container) and
 * everything else to the {@link DnsForwarder}, or SERVFAIL without one.
 */
@ChannelHandler.Sharable
final class DnsQueryHandler extends SimpleChannelInboundHandler<DnsQuery> {
  /** Docker's TTL for container records. */
  static final int TTL = 600;
  /** A DNS message over UDP without EDNS holds at most 512 bytes (RFC 1035 4.2.1). */
  static final int UDP_LIMIT = 512;

  private final LocalNames names;
  private final DnsForwarder forwarder;

  DnsQueryHandler(LocalNames names, DnsForwarder forwarder) {
    this.names = names;
    this.forwarder = forwarder;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DnsQuery query) {
    DnsResponse response = newResponse(query);
    DnsQuestion question = query.count(DnsSection.QUESTION) == 1 ? query.recordAt(DnsSection.QUESTION) : null;
    if (question == null || query.opCode() != DnsOpCode.QUERY) {
      reply(ctx, response, question == null ? DnsResponseCode.FORMERR : DnsResponseCode.NOTIMP);
      return;
    }
    DnsQuestion q = new DefaultDnsQuestion(question.name(), question.type(), question.dnsClass());
    response.addRecord(DnsSection.QUESTION, q);
    String name = NameTable.normalize(q.name());
    if (q.type().equals(DnsRecordType.PTR) && answerPtr(response, q, name)) {
      reply(ctx, response, DnsResponseCode.NOERROR);
      return;
    }
    List<Ipv4Address> addresses = q.type().equals(DnsRecordType.PTR) ? List.of() : names.lookup(name);
    if (!addresses.isEmpty()) {
      response.setAuthoritativeAnswer(true);
      if (q.type().equals(DnsRecordType.A)) {
        addA(response, q.name(), addresses, !(query instanceof DatagramDnsQuery));
      }
      reply(ctx, response, DnsResponseCode.NOERROR);
    } else if (!name.contains(".")) {
      response.setAuthoritativeAnswer(true);
      reply(ctx, response, DnsResponseCode.NXDOMAIN);
    } else if (forwarder == null) {
      reply(ctx, response, DnsResponseCode.SERVFAIL);
    } else {
      forward(ctx, response, q);
    }
  }

  private static DnsResponse newResponse(DnsQuery query) {
    DnsResponse r = query instanceof DatagramDnsQuery d
        ? new DatagramDnsResponse(d.recipient(), d.sender(), query.id())
        : new DefaultDnsResponse(query.id());
    r.setRecursionDesired(query.isRecursionDesired());
    r.setRecursionAvailable(true);
    return r;
  }

  private boolean answerPtr(DnsResponse response, DnsQuestion q, String name) {
    Optional<Ipv4Address> address = ReverseName.parse(name);
    Optional<String> host = address.flatMap(names::reverse);
    host.ifPresent(h -> {
      response.setAuthoritativeAnswer(true);
      response.addRecord(DnsSection.ANSWER, new DefaultDnsPtrRecord(q.name(), DnsRecord.CLASS_IN, TTL, h + "."));
    });
    return host.isPresent();
  }

  /** All addresses in random order; over UDP only as many as fit in 512 bytes, with TC set if some did not. */
  private static void addA(DnsResponse response, String qname, List<Ipv4Address> addresses, boolean stream) {
    List<Ipv4Address> shuffled = new ArrayList<>(addresses);
    Collections.shuffle(shuffled, ThreadLocalRandom.current());
    int nameBytes = qname.length() + 2;
    int room = stream ? Integer.MAX_VALUE : (UDP_LIMIT - 12 - nameBytes - 4) / (nameBytes + 10 + 4);
    if (shuffled.size() > room) {
      response.setTruncated(true);
    }
    for (Ipv4Address a : shuffled.subList(0, Math.min(room, shuffled.size()))) {
      response.addRecord(DnsSection.ANSWER,
          new DefaultDnsRawRecord(qname, DnsRecordType.A, TTL, Unpooled.wrappedBuffer(a.toBytes())));
    }
  }

  private void forward(ChannelHandlerContext ctx, DnsResponse response, DnsQuestion q) {
    forwarder.forward(q).addListener((Future<AddressedEnvelope<DnsResponse, InetSocketAddress>> f) -> {
      if (!f.isSuccess()) {
        ctx.executor().execute(() -> reply(ctx, response, DnsResponseCode.SERVFAIL));
        return;
      }
      AddressedEnvelope<DnsResponse, InetSocketAddress> envelope = f.getNow();
      try {
        DnsResponse upstream = envelope.content();
        copy(upstream, response, DnsSection.ANSWER);
        copy(upstream, response, DnsSection.AUTHORITY);
        copy(upstream, response, DnsSection.ADDITIONAL);
        response.setTruncated(upstream.isTruncated());
        DnsResponseCode code = upstream.code();
        ctx.executor().execute(() -> reply(ctx, response, code));
      } finally {
        envelope.release();
      }
    });
  }

  /** Copies a section's records, keeping out OPT: EDNS is between the client and us, not the upstream. */
  private static void copy(DnsResponse from, DnsResponse to, DnsSection section) {
    for (int i = 0; i < from.count(section); i++) {
      DnsRecord r = from.recordAt(section, i);
      if (r.type().equals(DnsRecordType.OPT)) {
        continue;
      }
      to.addRecord(section, r instanceof DnsRawRecord raw ? raw.retainedDuplicate() : r);
    }
  }

  private static void reply(ChannelHandlerContext ctx, DnsResponse response, DnsResponseCode code) {
    response.setCode(code);
    if (!ctx.channel().isActive()) {
      ReferenceCountUtil.release(response);
      return;
    }
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A malformed datagram must not take the server down; a broken TCP connection is simply closed.
    if (!(ctx.channel() instanceof io.netty.channel.socket.DatagramChannel)) {
      ctx.close();
    }
  }
}
