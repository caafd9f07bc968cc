/**
 * Parley's comment engine: {@code dev.parley.core.CommentService} and what it is built from.
 */
module dev.parley.core {
    requires transitive dev.parley.storage;
    requires org.jsoup;
    // static: only dev.parley.core.json uses Jackson; the engine runs without it (NoJacksonTest).
    requires static tools.jackson.databind;
    requires org.slf4j;
    requires java.net.http;
    // transitive: @Nullable appears in exported signatures (-Xlint:exports)
    requires static transitive org.jspecify;

    // Each package is exported once it holds its first type (javac refuses to export an empty package).
    exports dev.parley.core;
    exports dev.parley.core.content;
    exports dev.parley.core.avatar;
    exports dev.parley.core.moderation;
    exports dev.parley.core.json;
    exports dev.parley.core.outbox;
    exports dev.parley.core.mail;
    exports dev.parley.core.privacy;
    exports dev.parley.core.notify;
    // Jackson reads and writes the view records reflectively.
    opens dev.parley.core.json to tools.jackson.databind;
}
