package dev.parley.mail;

import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail server setups for tests that share a busy machine. */
final class GreenMailSetups {

    private GreenMailSetups() {
    }

    /**
     * A copy of the setup on a free port, allowed 30 s to start instead of GreenMail's 2 s: the first TLS server
     * of a JVM initialises its crypto, which on a loaded machine takes longer.
     */
    static ServerSetup patient(ServerSetup setup) {
        ServerSetup copy = setup.dynamicPort();
        copy.setServerStartupTimeout(30_000);
        return copy;
    }
}
