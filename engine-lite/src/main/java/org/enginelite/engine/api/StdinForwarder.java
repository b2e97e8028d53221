package org.enginelite.engine.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hands the bytes a client sends on a hijacked connection to a {@link StreamInput}, off the event loop (the
 * input may block, e.g. on a full pipe), one read at a time: reading pauses until the input has taken the
 * last bytes, so a slow reader inside the container holds the client back instead of filling memory.
 */
final class StdinForwarder extends ChannelInboundHandlerAdapter {
  private final StreamInput input;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "api-stdin");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean ended;

  StdinForwarder(StreamInput input) {
    this.input = input;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf buf)) {
      ctx.fireChannelRead(msg);
      return;
    }
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    buf.release();
    if (bytes.length == 0 || ended) {
      return;
    }
    ctx.channel().config().setAutoRead(false);
    thread.execute(() -> {
      try {
        input.data(bytes);
        ctx.channel().config().setAutoRead(true);
      } catch (StreamInput.Detached d) {
        ended = true; // the client detached: its input ends here, the process's stdin stays as it is
        thread.shutdown();
        ctx.close();
      } catch (IOException e) {
        // the process no longer reads its stdin; further input is dropped, output still flows
        ctx.channel().config().setAutoRead(true);
      }
    });
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      end();
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    end();
    ctx.fireChannelInactive();
  }

  private void end() {
    if (!ended) {
      ended = true;
      thread.execute(input::end);
      thread.shutdown();
    }
  }
}
