package dev.parley.core.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GravatarTest {

    private static final String HASH = "84059b07d4be67b806386c0aad8070a23f18836bbaae342275dc0a83414c32ee";

    @Test
    void defaultUrlHasSizeEightyAndTheMysteryPersonFallback() {
        assertThat(Gravatar.builder().build().url(" MyEmailAddress@example.com "))
                .isEqualTo("https://www.gravatar.com/avatar/" + HASH + "?s=80&d=mp");
    }

    @Test
    void sizeFallbackRatingAndForceAreParameters() {
        Gravatar gravatar = Gravatar.builder().size(128).fallback(GravatarFallback.IDENTICON)
                .rating(GravatarRating.PG).forceFallback(true).build();
        assertThat(gravatar.url(new AvatarHash(HASH)))
                .isEqualTo("https://www.gravatar.com/avatar/" + HASH + "?s=128&d=identicon&r=pg&f=y");
    }

    @Test
    void notFoundFallbackIs404() {
        assertThat(Gravatar.builder().fallback(GravatarFallback.NOT_FOUND).build().url(new AvatarHash(HASH)))
                .endsWith("?s=80&d=404");
    }

    @Test
    void aFallbackUrlIsUrlEncoded() {
        Gravatar gravatar = Gravatar.builder().fallbackUrl("https://example.com/img/avatar.png?v=2&x=y").build();
        assertThat(gravatar.url(new AvatarHash(HASH))).endsWith(
                "?s=80&d=https%3A%2F%2Fexample.com%2Fimg%2Favatar.png%3Fv%3D2%26x%3Dy");
    }

    @Test
    void buildNamesEveryBadSetting() {
        assertThatThrownBy(() -> Gravatar.builder().size(0).fallbackUrl("javascript:alert(1)").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size must be 1 to 2048, was 0")
                .hasMessageContaining("fallbackUrl");
        assertThatThrownBy(() -> Gravatar.builder().size(2049).build())
                .hasMessageContaining("size must be 1 to 2048, was 2049");
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> Gravatar.builder().build().url((AvatarHash) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("hash");
        assertThatThrownBy(() -> Gravatar.builder().fallback(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("fallback");
        assertThatThrownBy(() -> Gravatar.builder().rating(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("rating");
    }
}
