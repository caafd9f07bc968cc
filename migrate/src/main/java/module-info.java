/**
 * Import from WordPress WXR, Disqus, Remark42 and Isso into any comment store; export to WXR and Disqus's import
 * format; Parley's own lossless backup; and the {@code parley-migrate} command line.
 */
module dev.parley.migrate {
    requires transitive dev.parley.storage;
    requires transitive dev.parley.core;
    requires java.xml;
    requires java.sql;
    requires org.xerial.sqlitejdbc;
    requires tools.jackson.core;
    requires org.commonmark;
    requires org.jsoup;
    requires org.slf4j;
    requires static transitive org.jspecify;
    // The command line (dev.parley.migrate.cli, not exported) only; its executable jar carries them.
    requires static info.picocli;
    requires static dev.parley.store.jdbc;
    requires static com.h2database;
    requires static org.postgresql.jdbc;

    exports dev.parley.migrate;
    exports dev.parley.migrate.backup;
    exports dev.parley.migrate.disqus;
    exports dev.parley.migrate.isso;
    exports dev.parley.migrate.remark42;
    exports dev.parley.migrate.wxr;
}
