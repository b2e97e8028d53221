package org.enginelite.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.enginelite.engine.spi.ApiResponse;
import org.junit.jupiter.api.Test;

class ApiChannelHandlerTest {
  private final Router router = new Router();
  private final HeldTasks workers = new HeldTasks();

  @Test
  void inlineRoute_answeredOnTheEventLoop_withoutAWorker() {
    router.addInline("GET", "/_ping", q -> ApiResponse.ok(RawBody.text("OK")));
    EmbeddedChannel ch = channel();
    ch.writeInbound(request("GET /_ping HTTP/1.1\r\nHost: d\r\n\r\n"));
    String response = response(ch);
    assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
    assertTrue(response.toLowerCase().contains("content-length: 2\r\n"), response);
    assertTrue(response.endsWith("\r\n\r\nOK"), response);
    assertEquals(0, workers.tasks.size());
  }

  @Test
  void otherRoute_runsOnAWorker_andIsAnsweredWhenItFinishes() {
    router.get("/info", q -> ApiResponse.ok(java.util.Map.of("ID", "x")));
    EmbeddedChannel ch = channel();
    ch.writeInbound(request("GET /v1.41/info HTTP/1.1\r\nHost: d\r\n\r\n"));
    assertNull(ch.readOutbound(), "nothing is written before the worker ran");
    assertEquals(1, workers.tasks.size());
    workers.tasks.remove(0).run();
    String response = response(ch);
    assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
    assertTrue(response.endsWith("{\"ID\":\"x\"}"), response);
  }

  @Test
  void unknownPath_is404_onTheEventLoop() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(request("GET /nowhere HTTP/1.1\r\nHost: d\r\n\r\n"));
    assertTrue(response(ch).startsWith("HTTP/1.1 404 Not Found\r\n"));
    assertEquals(0, workers.tasks.size());
  }

  private EmbeddedChannel channel() {
    return new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
        new ApiChannelHandler(router, workers, new ObjectMapper()));
  }

  private static ByteBuf request(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
  }

  private static String response(EmbeddedChannel ch) {
    StringBuilder out = new StringBuilder();
    for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
      out.append(b.toString(StandardCharsets.US_ASCII));
      b.release();
    }
    return out.toString();
  }

  /** Holds submitted tasks so the test decides when (and whether) a worker runs them. */
  private static final class HeldTasks extends AbstractExecutorService {
    final List<Runnable> tasks = new ArrayList<>();

    @Override
    public void execute(Runnable command) {
      tasks.add(command);
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.copyOf(tasks);
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return true;
    }
  }
}
