package dev.parley.storage.tck;

import dev.parley.storage.CommentStore;
import dev.parley.storage.memory.InMemoryCommentStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryCommentStore meets the CommentStore contract")
class InMemoryCommentStoreTest extends CommentStoreContract {

    @Override
    protected CommentStore createStore() {
        return new InMemoryCommentStore();
    }
}
