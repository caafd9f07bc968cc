package dev.parley.storage.tck.broken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.memory.InMemoryCommentStore;
import dev.parley.storage.tck.CommentStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;

@DisplayName("A failing kit test")
class RuleNamedFailuresTest {

    /** Says every delete removed something, so the kit's idempotence rule fails. */
    static final class AlwaysDeletingKit extends CommentStoreContract {
        @Override
        protected CommentStore createStore() {
            return new ForwardingCommentStore(new InMemoryCommentStore()) {
                @Override
                public boolean delete(CommentId id) {
                    delegate.delete(id);
                    return true;
                }
            };
        }
    }

    @Test
    @DisplayName("names the broken rule, with its group, at the start of its message, and keeps the assertion")
    void messageStartsWithTheRule() {
        List<Throwable> failures = new ArrayList<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectNestedMethod(List.of(AlwaysDeletingKit.class.getName()),
                        CommentStoreContract.class.getName() + "$Delete", "deleteIsIdempotent"))
                .build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        result.getThrowable().ifPresent(failures::add);
                    }
                });

        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure).isInstanceOf(AssertionFailedError.class)
                    .hasMessage("rule broken: delete: delete returns true when it removed the comment, then false:"
                            + " it is idempotent\n\nExpecting value to be false but was true");
            assertThat(failure.getCause()).isInstanceOf(AssertionFailedError.class)
                    .hasMessage("\nExpecting value to be false but was true");
        });
    }
}
