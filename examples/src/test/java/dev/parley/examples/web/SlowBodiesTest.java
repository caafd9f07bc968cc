package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.examples.DemoConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Slow request bodies: they hold no request thread, and are cut off")
class SlowBodiesTest {

    private static final int SLOW_CLIENTS = 200;
    /** Fewer request threads than slow clients, so that any thread a slow body held would starve the readers. */
    private static final int THREADS = 16;

    @Test
    @DisplayName("200 clients trickling a 100,000-byte JSON body leave a reader's GET served, and are cut off")
    void slowBodiesLeaveReadersServed() throws Exception {
        try (RunningDemo demo = RunningDemo.start(builder -> builder
                        .config(DemoConfig.inMemory(RunningDemo.PASSWORD).withThreads(THREADS)));
                Trickle trickle = new Trickle()) {
            URI base = URI.create(demo.base());
            String head = "POST /api/threads/" + demo.post().slug() + "/comments HTTP/1.1\r\nHost: " + base.getHost()
                    + ":" + base.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{";
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                trickle.open(new InetSocketAddress(base.getHost(), base.getPort()), head);
            }

            HttpResponse<String> page = RunningDemo.get(RunningDemo.client(), demo.postUrl());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(demo.post().title());
            assertThat(trickle.stillOpen()).as("slow clients connected while the page was read")
                    .isEqualTo(SLOW_CLIENTS);

            // One byte a second from each: far below the minimum rate, so each is cut off at its next byte.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (trickle.stillOpen() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                trickle.sendOneByteEach();
            }
            assertThat(trickle.stillOpen()).as("slow clients not cut off").isZero();
            assertThat(trickle.answers()).allSatisfy(answer -> assertThat(answer).satisfiesAnyOf(
                    text -> assertThat(text).startsWith("HTTP/1.1 408"),
                    text -> assertThat(text).isEmpty()));
            assertThat(RunningDemo.get(RunningDemo.client(), demo.postUrl()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("a short comment whose body comes in three packets, the last 600 ms after the first, is taken")
    void lateLastPacketOfAShortBodyIsTaken() throws Exception {
        try (RunningDemo demo = RunningDemo.start(builder -> builder.config(DemoConfig.inMemory(RunningDemo.PASSWORD)));
                java.net.Socket socket = new java.net.Socket()) {
            URI base = URI.create(demo.base());
            byte[] body = "{\"name\":\"Late Packet\",\"text\":\"A short comment on a slow link.\"}"
                    .getBytes(StandardCharsets.UTF_8);
            String head = "POST /api/threads/" + demo.post().slug() + "/comments HTTP/1.1\r\nHost: " + base.getHost()
                    + ":" + base.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // Each pause puts the body far below 512 bytes a second for a moment, well within the grace.
            int third = body.length / 3;
            for (int[] part : new int[][] {{0, third}, {third, 2 * third}, {2 * third, body.length}}) {
                Thread.sleep(300);
                out.write(body, part[0], part[1] - part[0]);
                out.flush();
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 201");
        }
    }

    /** Many non-blocking sockets, each sending its body a byte at a time; a socket is done when answered or closed. */
    private static final class Trickle implements AutoCloseable {
        private final List<SocketChannel> open = new ArrayList<>();
        private final List<String> answers = new ArrayList<>();

        void open(InetSocketAddress address, String head) throws IOException {
            SocketChannel channel = SocketChannel.open(address);
            channel.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1)));
            channel.configureBlocking(false);
            open.add(channel);
        }

        /** Counts the sockets neither answered nor closed by the server. */
        int stillOpen() throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            for (SocketChannel channel : new ArrayList<>(open)) {
                buffer.clear();
                int read;
                try {
                    read = channel.read(buffer);
                } catch (IOException reset) {
                    read = -1;
                }
                if (read != 0) {
                    answers.add(read > 0 ? new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1) : "");
                    open.remove(channel);
                    channel.close();
                }
            }
            return open.size();
        }

        void sendOneByteEach() throws IOException {
            for (SocketChannel channel : new ArrayList<>(open)) {
                try {
                    channel.write(ByteBuffer.wrap(new byte[] {' '}));
                } catch (IOException closed) {
                    answers.add("");
                    open.remove(channel);
                    channel.close();
                }
            }
        }

        List<String> answers() {
            return answers;
        }

        @Override
        public void close() throws IOException {
            for (SocketChannel channel : open) {
                channel.close();
            }
        }
    }
}
