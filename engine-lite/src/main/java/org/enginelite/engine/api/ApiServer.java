package org.enginelite.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import org.enginelite.driver.UnavailableException;

/** The API's unix socket: Netty's native epoll transport, HTTP/1.1, one event loop thread. */
public final class ApiServer implements AutoCloseable {
  /** Image imports arrive as one body; a rootfs tarball of a few hundred MB must fit. */
  private static final int MAX_BODY = 1 << 30;

  private final EventLoopGroup group;
  private final Channel server;
  private final Path socket;

  private ApiServer(EventLoopGroup group, Channel server, Path socket) {
    this.group = group;
    this.server = server;
    this.socket = socket;
  }

  /** Binds {@code socket} (replacing a stale file), mode 0660. */
  public static ApiServer start(Path socket, Router router, ExecutorService workers, ObjectMapper json)
      throws IOException {
    if (!Epoll.isAvailable()) {
      throw new UnavailableException("native epoll transport unavailable: " + Epoll.unavailabilityCause());
    }
    Files.createDirectories(socket.getParent());
    Files.deleteIfExists(socket);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    try {
      Channel server = new ServerBootstrap()
          .group(group)
          .channel(EpollServerDomainSocketChannel.class)
          .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .childHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
              ch.pipeline()
                  .addLast("http", new HttpServerCodec())
                  .addLast("continue", new HttpServerExpectContinueHandler())
                  .addLast("aggregator", new HttpObjectAggregator(MAX_BODY))
                  .addLast("api", new ApiChannelHandler(router, workers, json));
            }
          })
          .bind(new DomainSocketAddress(socket.toFile())).sync().channel();
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
      return new ApiServer(group, server, socket);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      group.shutdownGracefully();
      throw new IOException("interrupted while binding " + socket, e);
    } catch (RuntimeException | IOException e) {
      group.shutdownGracefully();
      throw e;
    }
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    try {
      Files.deleteIfExists(socket);
    } catch (IOException ignored) {
      // a stale socket file is replaced at the next start
    }
  }
}
