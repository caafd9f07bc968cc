package dev.parley.pingback.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafeFetcherBuilderTest {

    @Test
    void buildNamesEveryInvalidSettingInOneException() {
        SafeFetcher.Builder builder = SafeFetcher.builder()
                .timeout(Duration.ZERO)
                .connectTimeout(Duration.ofSeconds(-1))
                .maxRedirects(-1)
                .maxBodyBytes(0)
                .acceptedMediaTypes(Set.of("text/html; charset=utf-8"))
                .userAgent("bad\r\nInjected: header");

        assertThatIllegalArgumentException().isThrownBy(builder::build)
                .withMessageContainingAll("timeout", "connectTimeout", "maxRedirects", "maxBodyBytes",
                        "acceptedMediaTypes", "userAgent");
    }

    @Test
    void emptyMediaTypesAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SafeFetcher.builder().acceptedMediaTypes(Set.of()).build())
                .withMessageContaining("acceptedMediaTypes must not be empty");
    }

    @Test
    void upperBoundsAreEnforced() {
        assertThatIllegalArgumentException().isThrownBy(() -> SafeFetcher.builder().maxRedirects(21)
                        .maxBodyBytes(Integer.MAX_VALUE).timeout(Duration.ofDays(1)).build())
                .withMessageContainingAll("maxRedirects", "maxBodyBytes", "timeout");
    }

    @Test
    void nullArgumentsAreMisuseAndNameTheArgument() {
        SafeFetcher fetcher = SafeFetcher.builder().build();

        assertThatNullPointerException().isThrownBy(() -> fetcher.fetch((URI) null)).withMessage("uri");
        assertThatNullPointerException().isThrownBy(() -> fetcher.fetch((String) null)).withMessage("url");
        assertThatNullPointerException().isThrownBy(() -> SafeFetcher.builder().resolver(null))
                .withMessage("resolver");
        assertThatNullPointerException().isThrownBy(() -> SafeFetcher.builder().addressPolicy(null))
                .withMessage("policy");
    }

    @Test
    void toBuilderDerivesAVariantWithoutChangingTheOriginal() {
        SafeFetcher original = SafeFetcher.builder().maxRedirects(2).userAgent("A/1").build();

        SafeFetcher derived = original.toBuilder().maxRedirects(0).build();

        assertThat(derived).isNotSameAs(original);
        assertThat(original.toBuilder().build()).isNotNull();
    }

    @Test
    void allowanceRejectsAnInvalidPort() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> AddressPolicy.publicUnicast().allowing(loopback, 0)).withMessageContaining("port");
    }

    @Test
    void allowanceWidensExactlyOneAddressAndPort() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AddressPolicy policy = AddressPolicy.publicUnicast().allowing(loopback, 8080);

        assertThat(policy.permits(loopback, 8080)).isTrue();
        assertThat(policy.permits(loopback, 8081)).isFalse();
        assertThat(policy.permits(InetAddress.getByName("127.0.0.2"), 8080)).isFalse();
        assertThat(AddressPolicy.publicUnicast().permits(loopback, 8080)).isFalse();
    }

    @Test
    void refusedCarriesAStatusOnlyForHttpStatus() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FetchResult.Refused(FetchFailure.HTTP_STATUS, "x", 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new FetchResult.Refused(FetchFailure.TIMEOUT, "x", 404));
        assertThat(FetchResult.Refused.of(FetchFailure.TIMEOUT, "x").httpStatus()).isEmpty();
    }
}
