package org.enginelite.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.enginelite.engine.spi.ApiRequest;
import org.enginelite.engine.spi.ApiResponse;

/**
 * Takes each aggregated request off the event loop: the handler runs on a worker thread (it may block on runc
 * or on a container's exit) and its answer is written back as JSON, a chunked stream or a hijacked raw stream.
 * Routes registered inline (answers from memory such as {@code /_ping}) run on the event loop itself.
 */
final class ApiChannelHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final String API_VERSION = "1.41";

  private final Router router;
  private final ExecutorService workers;
  private final ObjectMapper json;
  private volatile boolean hijacked;

  ApiChannelHandler(Router router, ExecutorService workers, ObjectMapper json) {
    this.router = router;
    this.workers = workers;
    this.json = json;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String path = Router.stripVersion(uri.path());
    String method = request.method().name();
    byte[] body = new byte[request.content().readableBytes()];
    request.content().readBytes(body);
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    boolean head = request.method().equals(HttpMethod.HEAD);
    Channel channel = ctx.channel();
    channel.config().setAutoRead(false);
    Optional<Router.Match> match = router.match(method, path);
    Runnable answer = () -> {
      ApiResponse response;
      try {
        response = match.map(m -> invoke(m, method, path, uri.parameters(), body))
            .orElseGet(() -> ErrorResponses.message(404, "page not found"));
      } catch (RuntimeException e) {
        response = ErrorResponses.of(e);
      }
      if (response.body() instanceof StreamBody stream) {
        // A stream waits on the socket between writes, which the event loop itself must never do.
        int status = response.status();
        Runnable respond = () -> new StreamResponder(channel, json, keepAlive).respond(status, stream,
            () -> hijacked = true);
        if (channel.eventLoop().inEventLoop()) {
          workers.execute(respond);
        } else {
          respond.run();
        }
      } else {
        writeFull(channel, response, keepAlive, head);
      }
    };
    // A handler that answers from memory (and an unknown path) is answered here; any other may block, so it
    // runs on a worker. Each hand-off wakes a sleeping thread, which on a busy machine costs more than the work.
    if (match.isEmpty() || match.get().inline()) {
      answer.run();
    } else {
      workers.execute(answer);
    }
  }

  private ApiResponse invoke(Router.Match m, String method, String path, Map<String, List<String>> query,
      byte[] body) {
    try {
      return m.handler().handle(new ApiRequest(method, path, m.params(), query, body, json));
    } catch (Exception e) {
      return ErrorResponses.of(e);
    }
  }

  private void writeFull(Channel channel, ApiResponse response, boolean keepAlive, boolean head) {
    ByteBuf content;
    try {
      content = response.body() == null ? Unpooled.EMPTY_BUFFER
          : response.body() instanceof RawBody raw ? Unpooled.wrappedBuffer(raw.bytes())
          : Unpooled.wrappedBuffer(json.writeValueAsBytes(response.body()));
    } catch (Exception e) {
      response = ErrorResponses.of(e);
      content = Unpooled.copiedBuffer(("{\"message\":\"cannot encode response\"}").getBytes());
    }
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(response.status()), head ? Unpooled.EMPTY_BUFFER : content);
    addCommonHeaders(r.headers());
    if (response.body() instanceof RawBody raw) {
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, raw.contentType());
    } else if (response.body() != null) {
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    }
    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    if (head && content != Unpooled.EMPTY_BUFFER) {
      content.release();
    }
    if (!keepAlive) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    channel.writeAndFlush(r).addListener(keepAlive ? (ChannelFutureListener) f -> {
      f.channel().config().setAutoRead(true);
      f.channel().read();
    } : ChannelFutureListener.CLOSE);
  }

  static void addCommonHeaders(io.netty.handler.codec.http.HttpHeaders headers) {
    headers.set("Api-Version", API_VERSION);
    headers.set("Docker-Experimental", "false");
    headers.set("Ostype", "linux");
    headers.set(HttpHeaderNames.SERVER, "engine-lite");
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    // Half-closure is allowed so a hijacked stream survives the client closing its write side; any other
    // connection whose client stopped sending is done.
    if (evt instanceof ChannelInputShutdownEvent && !hijacked) {
      ctx.close();
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
