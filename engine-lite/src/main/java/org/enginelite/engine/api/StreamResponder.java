package org.enginelite.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Writes a {@link StreamBody}: chunked HTTP, or Docker's hijack (101 UPGRADED, then raw bytes on the socket). */
final class StreamResponder {
  private final Channel channel;
  private final ObjectMapper json;
  private final boolean keepAlive;

  StreamResponder(Channel channel, ObjectMapper json, boolean keepAlive) {
    this.channel = channel;
    this.json = json;
    this.keepAlive = keepAlive;
  }

  void respond(int status, StreamBody body, Runnable onHijack) {
    if (body.hijack()) {
      onHijack.run();
      hijack(body);
    } else {
      chunked(status, body);
    }
  }

  private void chunked(int status, StreamBody body) {
    HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
    ApiChannelHandler.addCommonHeaders(r.headers());
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, body.contentType());
    r.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    channel.writeAndFlush(r);
    channel.config().setAutoRead(true);
    Sink sink = new Sink(false);
    try {
      body.writer().writeTo(sink);
    } catch (Exception e) {
      // The status line is gone already; a message in the stream is all a client can still get.
      try {
        sink.write(("{\"message\":" + json.writeValueAsString(String.valueOf(e.getMessage())) + "}\n")
            .getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // client went away
      }
    }
    ChannelFuture last = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    if (!keepAlive) {
      last.addListener(f -> channel.close());
    }
  }

  private void hijack(StreamBody body) {
    // Swap the HTTP codec out on the event loop before any raw byte is written.
    channel.eventLoop().submit(() -> {
      ChannelPipeline p = channel.pipeline();
      p.remove("http");
      p.remove("aggregator");
      if (p.get("continue") != null) {
        p.remove("continue");
      }
      if (body.input() != null) {
        p.addBefore("api", "stdin", new StdinForwarder(body.input()));
      }
    }).syncUninterruptibly();
    String head = "HTTP/1.1 101 UPGRADED\r\nContent-Type: " + body.contentType()
        + "\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nApi-Version: " + ApiChannelHandler.API_VERSION + "\r\n\r\n";
    channel.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII)));
    channel.config().setAutoRead(true);
    Sink sink = new Sink(true);
    try {
      body.writer().writeTo(sink);
    } catch (Exception ignored) {
      // a hijacked stream has no way left to report an error; the client sees it end
    }
    sink.close();
  }

  private final class Sink implements StreamSink {
    private final boolean raw;
    private boolean closed;

    Sink(boolean raw) {
      this.raw = raw;
    }

    @Override
    public synchronized void write(byte[] bytes) throws IOException {
      if (!channel.isActive()) {
        throw new IOException("client disconnected");
      }
      Object msg = raw ? Unpooled.wrappedBuffer(bytes) : new DefaultHttpContent(Unpooled.wrappedBuffer(bytes));
      ChannelFuture f = channel.writeAndFlush(msg);
      // Backpressure: wait for the socket to take the bytes before producing more.
      if (!f.awaitUninterruptibly(30, TimeUnit.SECONDS) || !f.isSuccess()) {
        throw new IOException("client stopped reading");
      }
    }

    @Override
    public boolean isOpen() {
      return channel.isActive();
    }

    @Override
    public synchronized void close() {
      if (!closed && raw) {
        closed = true;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> channel.close());
      }
    }
  }
}
