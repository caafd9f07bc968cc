package dev.parley.examples;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

@DisplayName("The post store on the embedded databases")
class JdbcPostStoreEmbeddedTest {

    @Nested
    @DisplayName("on a SQLite file")
    class Sqlite extends JdbcPostStoreContract {
        @Override
        protected DemoConfig newDatabase(Path directory) {
            return DemoConfig.from(Map.of("parley.sqlite.file", directory.resolve("posts.db").toString(),
                    "parley.admin.password", "a-long-enough-password")::get);
        }
    }

    @Nested
    @DisplayName("on an H2 file")
    class H2 extends JdbcPostStoreContract {
        @Override
        protected DemoConfig newDatabase(Path directory) {
            return DemoConfig.from(Map.of("parley.h2.file", directory.resolve("posts").toString(),
                    "parley.admin.password", "a-long-enough-password")::get);
        }
    }
}
