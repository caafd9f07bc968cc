package dev.parley.examples;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory post store")
class InMemoryPostStoreTest extends PostStoreContract {

    @Override
    protected PostStore createStore() {
        return new InMemoryPostStore();
    }
}
