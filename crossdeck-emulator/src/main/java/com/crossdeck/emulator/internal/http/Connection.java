package com.crossdeck.emulator.internal.http;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection and where it is in its request/response cycle. Confined to the I/O thread;
 * a worker only ever sees the {@link HttpRequest} that was read from it.
 */
final class Connection {

  enum State {
    /** Waiting for (the rest of) a request; the idle or the request deadline runs. */
    READING,
    /** A worker is answering; no deadline, nothing is read. */
    PROCESSING,
    /** Sending the response; the write deadline runs. */
    WRITING,
    /** Answered and closing: reading and discarding what the client still sends, briefly. */
    DRAINING
  }

  final SocketChannel channel;
  final SelectionKey key;
  final RequestParser parser;

  State state = State.READING;
  long deadlineNanos;
  ByteBuffer output;
  ByteBuffer interim;
  ByteBuffer pipelined;
  boolean closeAfterWrite;
  long drainedBytes;

  Connection(SocketChannel channel, SelectionKey key, RequestParser parser) {
    this.channel = channel;
    this.key = key;
    this.parser = parser;
  }
}
