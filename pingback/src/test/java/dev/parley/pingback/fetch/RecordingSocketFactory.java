package dev.parley.pingback.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/**
 * Records every connection attempt the fetcher makes, and refuses any to a non-loopback address, so that a fetcher
 * bug shows up as a recorded attempt instead of as traffic leaving this machine. Public for the sender's tests, whose
 * fetcher it guards too.
 */
public final class RecordingSocketFactory extends SocketFactory {

    private final List<InetSocketAddress> attempts = new CopyOnWriteArrayList<>();

    /** Every address a connection was attempted to, in order. */
    public List<InetSocketAddress> attempts() {
        return List.copyOf(attempts);
    }

    /** The ports connected to, in order. */
    public List<Integer> ports() {
        return attempts.stream().map(InetSocketAddress::getPort).toList();
    }

    @Override
    public Socket createSocket() {
        return new Socket(Proxy.NO_PROXY) {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                InetSocketAddress address = (InetSocketAddress) endpoint;
                attempts.add(address);
                if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
                    throw new ConnectException("test guard: no traffic to non-loopback " + address);
                }
                super.connect(endpoint, timeout);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw new IOException("connected sockets are not used by the fetcher");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new IOException("connected sockets are not used by the fetcher");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw new IOException("connected sockets are not used by the fetcher");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw new IOException("connected sockets are not used by the fetcher");
    }
}
