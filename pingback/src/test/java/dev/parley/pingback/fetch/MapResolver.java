package dev.parley.pingback.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A resolver from a fixed table that records every lookup; unknown names fail, so no test ever reaches DNS. */
final class MapResolver implements HostResolver {

    private final Map<String, List<List<InetAddress>>> answers = new HashMap<>();
    private final List<String> lookups = new CopyOnWriteArrayList<>();

    /** Maps a name to addresses; several calls for one name queue answers for successive lookups. */
    MapResolver map(String name, String... addresses) {
        List<InetAddress> resolved = new ArrayList<>();
        for (String address : addresses) {
            resolved.add(literal(address));
        }
        answers.computeIfAbsent(name, k -> new ArrayList<>()).add(List.copyOf(resolved));
        return this;
    }

    List<String> lookups() {
        return List.copyOf(lookups);
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
        lookups.add(host);
        List<List<InetAddress>> queue = answers.get(host);
        if (queue == null) {
            throw new UnknownHostException(host);
        }
        // The last answer repeats, as a DNS server keeps answering with its current record.
        return queue.size() > 1 ? queue.remove(0) : queue.get(0);
    }

    /** Parses a literal with the JDK, which never consults DNS for a literal. */
    static InetAddress literal(String address) {
        try {
            if (!address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
                throw new IllegalArgumentException("not a literal: " + address);
            }
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
