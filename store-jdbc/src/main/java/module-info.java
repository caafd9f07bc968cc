/**
 * Parley's JDBC store: {@code dev.parley.store.jdbc.JdbcCommentStore}, the {@code CommentStore} SPI on plain JDBC,
 * with its schema kept by versioned Flyway migrations.
 */
module dev.parley.store.jdbc {
    requires transitive dev.parley.storage;
    requires transitive java.sql;
    requires org.slf4j;
    // flyway-core has no module descriptor; this is its automatic module name, from the jar's file name.
    requires flyway.core;
    // transitive: @Nullable appears in exported signatures (-Xlint:exports)
    requires static transitive org.jspecify;

    exports dev.parley.store.jdbc;
}
