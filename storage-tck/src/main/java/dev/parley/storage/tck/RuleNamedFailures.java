package dev.parley.storage.tck;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Starts every failure's message with the rule the store broke, the test's {@code @DisplayName} and its group.
 * Build tools print a failing test by its method name in their summaries (Maven's Surefire does, whatever its
 * reporters), and the message is what every one of them prints beside it, so the sentence reaches the console.
 * The original failure stays the cause; an assertion keeps its expected and actual values for IDE diffs.
 * Stateless and thread-safe.
 */
final class RuleNamedFailures implements TestExecutionExceptionHandler {

    RuleNamedFailures() {
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (thrown instanceof TestAbortedException) {
            throw thrown;
        }
        String message = "rule broken: " + rule(context) + "\n" + (thrown instanceof AssertionError
                ? String.valueOf(thrown.getMessage()) : "the store threw " + thrown);
        AssertionError named = thrown instanceof AssertionFailedError failed
                ? new AssertionFailedError(message, failed.getExpected(), failed.getActual(), thrown)
                : new AssertionError(message, thrown);
        named.setStackTrace(thrown.getStackTrace());
        throw named;
    }

    /** The rule as "group: sentence", with a repetition's own name after its rule's. */
    private static String rule(ExtensionContext context) {
        String sentence = context.getDisplayName();
        Optional<ExtensionContext> parent = context.getParent();
        if (parent.isPresent() && parent.get().getTestMethod().isPresent()) {
            sentence = parent.get().getDisplayName() + " (" + sentence + ")";
            parent = parent.get().getParent();
        }
        return parent.filter(group -> group.getTestClass().isPresent() && group.getParent().isPresent()
                        && group.getParent().get().getTestClass().isPresent())
                .map(group -> group.getDisplayName() + ": ")
                .orElse("") + sentence;
    }
}
