package com.crossdeck.client.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Creates sockets with {@code TCP_NODELAY} set. OkHttp writes a request body in 8 KiB segments and
 * a short tail; with Nagle's algorithm on, the tail waits for the server's delayed ACK, about 40 ms
 * on Linux, for every batch (OkHttp issues #4784 and #7173). One request in flight at a time turns
 * that into a ceiling of some 25 requests per second.
 */
final class NoDelaySocketFactory extends SocketFactory {

  private final SocketFactory delegate = SocketFactory.getDefault();

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(address, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
