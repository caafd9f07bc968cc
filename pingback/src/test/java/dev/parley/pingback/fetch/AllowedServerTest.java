package dev.parley.pingback.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up: one real HTTP server on 127.0.0.1 that the fetcher under test is explicitly allowed to reach. */
abstract class AllowedServerTest {

    LoopbackServer server;

    @BeforeEach
    void startServer() {
        server = LoopbackServer.start("127.0.0.1");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    SafeFetcher.Builder builder() {
        return SafeFetcher.builder().addressPolicy(server.allowance());
    }

    FetchResult fetch(String path) {
        return builder().build().fetch(server.uri(path));
    }

    static FetchResult.Fetched fetched(FetchResult result) {
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        return (FetchResult.Fetched) result;
    }

    static FetchResult.Refused refused(FetchResult result, FetchFailure failure) {
        assertThat(result).isInstanceOfSatisfying(FetchResult.Refused.class,
                refused -> assertThat(refused.failure()).as(refused.detail()).isEqualTo(failure));
        return (FetchResult.Refused) result;
    }
}
