package dev.parley.examples.web;

import dev.parley.examples.DemoServer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link RunningDemo} for a test class, started before its {@code @BeforeAll} methods and closed after its
 * {@code @AfterAll} methods; register it with {@code @RegisterExtension static final DemoPerClass DEMO = new
 * DemoPerClass();}.
 *
 * <p>Not thread-safe: set up and torn down by JUnit on one thread, then only read.
 */
final class DemoPerClass implements BeforeAllCallback, AfterAllCallback {

    private final UnaryOperator<DemoServer.Builder> customizer;
    private @Nullable RunningDemo demo;

    /** The demo as {@link RunningDemo#start()} builds it. */
    DemoPerClass() {
        this(UnaryOperator.identity());
    }

    /** The demo with the builder changed by {@code customizer} (a mailer, say). */
    DemoPerClass(UnaryOperator<DemoServer.Builder> customizer) {
        this.customizer = customizer;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        demo = RunningDemo.start(customizer);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (demo != null) {
            demo.close();
        }
    }

    RunningDemo demo() {
        if (demo == null) {
            throw new IllegalStateException("the demo is not running");
        }
        return demo;
    }
}
