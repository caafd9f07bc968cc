/**
 * The storage test kit: {@link dev.parley.storage.tck.CommentStoreContract}, the JUnit 5 suite every
 * {@link dev.parley.storage.CommentStore} must pass, and the {@link dev.parley.storage.tck.Comments} fixtures
 * it builds its data with.
 *
 * <p>JUnit Jupiter and AssertJ are transitive requirements, so a host that adds this one artifact (in test
 * scope) can write its subclass. The package is opened to JUnit so it can reflect on the inherited tests when
 * a host runs its tests on the module path.
 */
module dev.parley.storage.tck {
    requires transitive dev.parley.storage;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires static org.jspecify;

    exports dev.parley.storage.tck;
    opens dev.parley.storage.tck to org.junit.platform.commons;
}
