package dev.parley.pingback.fetch.internal;

import dev.parley.pingback.fetch.FetchFailure;
import dev.parley.pingback.fetch.FetchResult;
import dev.parley.pingback.fetch.PostResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetch algorithm behind {@code SafeFetcher}: per hop, check the URL, resolve once, check every address,
 * connect to a checked address, exchange, and either follow a redirect (from the top, with the same checks) or
 * read and decode the body. A POST takes the same hops and returns the answer of any status. Immutable and
 * thread-safe; each fetch has its own sockets.
 */
public final class FetchEngine {

    private static final Logger LOG = LoggerFactory.getLogger(FetchEngine.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** 303 See Other says the POST was processed; the others ask for the same request elsewhere. */
    private static final Set<Integer> POST_REDIRECTS = Set.of(301, 302, 307, 308);

    private final FetchConfig config;

    /**
     * Creates an engine.
     *
     * @param config the validated configuration
     */
    public FetchEngine(FetchConfig config) {
        this.config = config;
    }

    /**
     * Fetches a URL given as text.
     *
     * @param url the URL
     * @return the outcome
     */
    public FetchResult fetch(String url) {
        try {
            return fetch(TargetParser.parseUri(url));
        } catch (FetchAbort abort) {
            return refused(url, abort);
        }
    }

    /**
     * Fetches a URL.
     *
     * @param uri the URL
     * @return the outcome
     */
    public FetchResult fetch(URI uri) {
        try {
            return follow(uri, this::hop);
        } catch (FetchAbort abort) {
            return refused(uri.toString(), abort);
        }
    }

    /** A hop ends in a result, or in the next URL to request. */
    private record Hop<R>(@Nullable R result, @Nullable URI next) {
    }

    /** One request to one URL, with every check, under the whole request's deadline. */
    @FunctionalInterface
    private interface Step<R> {
        Hop<R> take(URI uri, Deadline deadline) throws FetchAbort;
    }

    /** Takes hops from {@code uri} until one ends in a result, at most {@code maxRedirects} redirects later. */
    private <R> R follow(URI uri, Step<R> step) throws FetchAbort {
        Deadline deadline = Deadline.after(config.clock(), config.timeoutMillis());
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            Hop<R> hop = step.take(current, deadline);
            if (hop.next() == null) {
                return hop.result();
            }
            if (redirects == config.maxRedirects()) {
                throw new FetchAbort(FetchFailure.TOO_MANY_REDIRECTS,
                        "more than " + config.maxRedirects() + " redirects, next: " + hop.next());
            }
            current = hop.next();
        }
    }

    private Hop<FetchResult> hop(URI uri, Deadline deadline) throws FetchAbort {
        Target target = TargetParser.parse(uri, config.maxUrlLength());
        Socket socket = open(target, uri, deadline);
        Watchdog.Guard guard = Watchdog.guard(socket, deadline.remainingMillis());
        try (HttpExchange exchange = HttpExchange.start(socket, target, config, deadline, guard)) {
            return answer(target, exchange);
        } catch (IOException e) {
            throw classify(e, guard, deadline, target);
        } finally {
            guard.close();
            HttpExchange.closeQuietly(socket);
        }
    }

    /** Resolves once, checks every address against the policy, and connects to one of exactly those addresses. */
    private Socket open(Target target, URI uri, Deadline deadline) throws FetchAbort {
        List<InetAddress> addresses = resolve(target);
        if (deadline.expired()) {
            throw new FetchAbort(FetchFailure.TIMEOUT, "time cap reached while resolving " + target.host());
        }
        boolean webPort = config.allowedPorts().contains(target.port());
        for (InetAddress address : addresses) {
            if (!webPort && !config.policy().allowsExplicitly(address, target.port())) {
                throw new FetchAbort(FetchFailure.BLOCKED_ADDRESS, target.host() + " is " + address.getHostAddress()
                        + " port " + target.port() + ": the port is not one of " + new TreeSet<>(
                        config.allowedPorts()) + " and no allowance names it (" + uri + ")");
            }
            if (!config.policy().permits(address, target.port())) {
                String range = AddressRanges.blockedRange(address).map(r -> ", " + r).orElse("");
                throw new FetchAbort(FetchFailure.BLOCKED_ADDRESS, target.host() + " is " + address.getHostAddress()
                        + " port " + target.port() + range + ": refused by the address policy (" + uri + ")");
            }
        }
        return connect(target, addresses, deadline);
    }

    private List<InetAddress> resolve(Target target) throws FetchAbort {
        InetAddress literal = target.literal();
        if (literal != null) {
            return List.of(literal);
        }
        List<InetAddress> addresses;
        try {
            addresses = List.copyOf(config.resolver().resolve(target.host()));
        } catch (UnknownHostException e) {
            throw new FetchAbort(FetchFailure.UNKNOWN_HOST, "unknown host " + target.host());
        }
        if (addresses.isEmpty()) {
            throw new FetchAbort(FetchFailure.UNKNOWN_HOST, "no address for " + target.host());
        }
        return addresses;
    }

    private Socket connect(Target target, List<InetAddress> addresses, Deadline deadline) throws FetchAbort {
        IOException last = null;
        for (InetAddress address : addresses) {
            long remaining = deadline.remainingMillis();
            if (remaining <= 0) {
                break;
            }
            Socket socket = null;
            try {
                socket = config.socketFactory().createSocket();
                socket.connect(new InetSocketAddress(address, target.port()),
                        (int) Math.max(1, Math.min(config.connectTimeoutMillis(), remaining)));
                return socket;
            } catch (IOException e) {
                if (socket != null) {
                    HttpExchange.closeQuietly(socket);
                }
                last = e;
            }
        }
        if (deadline.expired()) {
            throw new FetchAbort(FetchFailure.TIMEOUT, "time cap reached while connecting to " + target.host());
        }
        throw new FetchAbort(FetchFailure.CONNECT_FAILED, "could not connect to " + target.host() + " "
                + addresses + (last == null ? "" : ": " + last.getMessage()));
    }

    private Hop<FetchResult> answer(Target target, HttpExchange exchange) throws IOException, FetchAbort {
        ResponseHead head = exchange.head();
        int status = head.status();
        if (REDIRECTS.contains(status) && head.first("location") != null) {
            return new Hop<>(null, Redirects.resolve(target.uri(), head.first("location")));
        }
        if (status < 200 || status > 299) {
            throw new FetchAbort(new FetchResult.Refused(FetchFailure.HTTP_STATUS,
                    "HTTP " + status + " from " + target.uri(), status));
        }
        String contentType = head.first("content-type");
        MediaType mediaType = contentType == null ? null : MediaType.parse(contentType);
        if (contentType == null && config.mediaTypes().contains(FetchConfig.ANY_MEDIA_TYPE)) {
            // RFC 9110 section 8.3: a recipient may treat a body without Content-Type as application/octet-stream.
            mediaType = new MediaType("application/octet-stream", null);
        }
        if (mediaType == null || !config.accepts(mediaType.essence())) {
            throw new FetchAbort(FetchFailure.UNSUPPORTED_CONTENT_TYPE,
                    "Content-Type " + (contentType == null ? "missing" : "'" + contentType + "'") + " is not one of "
                            + config.mediaTypes() + " (" + target.uri() + ")");
        }
        BodyReader.Body body = BodyReader.read(head, exchange.body(), config.maxBodyBytes(),
                config.truncateBodies());
        boolean html = !mediaType.essence().equals("text/plain");
        CharsetDetector.Detected detected =
                CharsetDetector.detect(body.bytes(), body.length(), mediaType.charset(), html);
        Charset charset = detected.charset();
        String text = new String(body.bytes(), detected.bomLength(), body.length() - detected.bomLength(), charset);
        return new Hop<>(new FetchResult.Fetched(target.uri(), status, mediaType.essence(), charset, text,
                head.headers()), null);
    }

    private static FetchAbort classify(IOException e, Watchdog.Guard guard, Deadline deadline, Target target) {
        String where = " (" + target.uri() + ")";
        if (e instanceof TooLargeException) {
            return new FetchAbort(FetchFailure.TOO_LARGE, e.getMessage() + where);
        }
        if (guard.fired() || deadline.expired() || e instanceof SocketTimeoutException) {
            return new FetchAbort(FetchFailure.TIMEOUT, "time cap reached" + where);
        }
        if (e instanceof SSLException) {
            return new FetchAbort(FetchFailure.TLS_FAILED, "TLS failed: " + e.getMessage() + where);
        }
        if (e instanceof ProtocolException || e instanceof ZipException) {
            return new FetchAbort(FetchFailure.PROTOCOL_ERROR, e.getMessage() + where);
        }
        return new FetchAbort(FetchFailure.PROTOCOL_ERROR, "connection failed mid-response: " + e + where);
    }

    /**
     * POSTs a body, hop by hop with the same checks as {@link #fetch(URI)}: 301, 302, 307 and 308 send the same
     * POST to the checked {@code Location}; any other status, 303 included, is the answer.
     *
     * @param uri the endpoint
     * @param contentType the request's {@code Content-Type}, already validated
     * @param body the request body
     * @return the answer or the refusal
     */
    public PostResult post(URI uri, String contentType, byte[] body) {
        try {
            return follow(uri, (current, deadline) -> postHop(current, contentType, body, deadline));
        } catch (FetchAbort abort) {
            return refused(uri.toString(), abort);
        }
    }

    private Hop<PostResult.Answered> postHop(URI uri, String contentType, byte[] body, Deadline deadline)
            throws FetchAbort {
        Target target = TargetParser.parse(uri, config.maxUrlLength());
        Socket socket = open(target, uri, deadline);
        Watchdog.Guard guard = Watchdog.guard(socket, deadline.remainingMillis());
        try (HttpExchange exchange = HttpExchange.start(socket, target, config, deadline, guard,
                HttpExchange.post(target, config, contentType, body))) {
            ResponseHead head = exchange.head();
            String location = head.first("location");
            if (POST_REDIRECTS.contains(head.status()) && location != null) {
                return new Hop<>(null, Redirects.resolve(target.uri(), location));
            }
            return new Hop<>(PostAnswers.read(target.uri(), head, exchange.body(), config.maxBodyBytes()), null);
        } catch (IOException e) {
            throw classify(e, guard, deadline, target);
        } finally {
            guard.close();
            HttpExchange.closeQuietly(socket);
        }
    }

    private static FetchResult.Refused refused(String url, FetchAbort abort) {
        FetchResult.Refused refused = abort.refused();
        LOG.debug("fetch of {} refused: {} {}", url, refused.failure(), refused.detail());
        return refused;
    }
}
