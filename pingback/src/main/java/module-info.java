/**
 * Parley's standalone linkback toolkit: receive Pingback, TrackBack and Webmention requests, fetch the
 * source safely, verify it links to the target, and extract title, excerpt and author.
 */
module dev.parley.pingback {
    requires java.xml;
    requires org.jsoup;
    requires org.slf4j;
    // transitive: @Nullable appears in exported signatures (-Xlint:exports)
    requires static transitive org.jspecify;

    exports dev.parley.pingback;
    exports dev.parley.pingback.fetch;
    exports dev.parley.pingback.verify;
    exports dev.parley.pingback.xmlrpc;
    exports dev.parley.pingback.trackback;
    exports dev.parley.pingback.webmention;
    exports dev.parley.pingback.send;
}
