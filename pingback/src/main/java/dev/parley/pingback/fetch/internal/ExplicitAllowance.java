package dev.parley.pingback.fetch.internal;

import dev.parley.pingback.fetch.AddressPolicy;
import java.net.InetAddress;

/**
 * A policy widened by exactly one address and port, named explicitly: what {@code AddressPolicy.allowing} returns.
 * Immutable and thread-safe when the base policy is.
 *
 * @param base the policy being widened
 * @param address the allowed address
 * @param port the allowed port
 */
public record ExplicitAllowance(AddressPolicy base, InetAddress address, int port) implements AddressPolicy {

    @Override
    public boolean permits(InetAddress candidate, int candidatePort) {
        return names(candidate, candidatePort) || base.permits(candidate, candidatePort);
    }

    @Override
    public boolean allowsExplicitly(InetAddress candidate, int candidatePort) {
        return names(candidate, candidatePort) || base.allowsExplicitly(candidate, candidatePort);
    }

    private boolean names(InetAddress candidate, int candidatePort) {
        return candidatePort == port && candidate.equals(address);
    }
}
