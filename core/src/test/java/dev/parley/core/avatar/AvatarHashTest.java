package dev.parley.core.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Author;
import org.junit.jupiter.api.Test;

class AvatarHashTest {

    // sha256("myemailaddress@example.com"), computed independently with sha256sum.
    private static final String KNOWN = "84059b07d4be67b806386c0aad8070a23f18836bbaae342275dc0a83414c32ee";

    @Test
    void emailHashIsSha256OfTheAddress() {
        assertThat(AvatarHash.ofEmail("myemailaddress@example.com").hex()).isEqualTo(KNOWN);
    }

    @Test
    void emailIsTrimmedAndLowerCasedBeforeHashing() {
        assertThat(AvatarHash.ofEmail("  MyEmailAddress@Example.COM \t\n").hex()).isEqualTo(KNOWN);
    }

    @Test
    void keysAreHashedWithAPrefixSoTheyNeverMatchAnEmailHash() {
        assertThat(AvatarHash.ofKey("user:42").hex())
                .isEqualTo("a27b6c787cb6c6fb5a61fd34b99c9f1634b0908b5a39c392309f73c7f9ebc598");
        assertThat(AvatarHash.ofKey("myemailaddress@example.com").hex()).isNotEqualTo(KNOWN);
    }

    @Test
    void authorWithEmailUsesTheEmail() {
        Author author = Author.named("Ann").withEmail("MyEmailAddress@example.com").withUserId("42");
        assertThat(AvatarHash.of(author).hex()).isEqualTo(KNOWN);
    }

    @Test
    void authorWithoutEmailUsesTheUserId() {
        assertThat(AvatarHash.of(Author.named("Ann").withUserId("42"))).isEqualTo(AvatarHash.ofKey("user:42"));
    }

    @Test
    void authorWithOnlyANameUsesTheTrimmedLowerCasedName() {
        assertThat(AvatarHash.of(Author.named(" Ann ")).hex())
                .isEqualTo("451c775437c261ae6111888f2a2526108043ec9a6390f578926726748f11095b");
        assertThat(AvatarHash.of(Author.named("ANN"))).isEqualTo(AvatarHash.of(Author.named("ann")));
    }

    @Test
    void bytesAreTheThirtyTwoBytesOfTheHex() {
        byte[] bytes = AvatarHash.ofEmail("myemailaddress@example.com").bytes();
        assertThat(bytes).hasSize(32);
        assertThat(bytes[0]).isEqualTo((byte) 0x84);
        assertThat(bytes[31]).isEqualTo((byte) 0xee);
    }

    @Test
    void rejectsMalformedHexAndBlankInputNamingTheArgument() {
        assertThatThrownBy(() -> new AvatarHash(KNOWN.toUpperCase(java.util.Locale.ROOT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hex");
        assertThatThrownBy(() -> new AvatarHash("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hex");
        assertThatThrownBy(() -> new AvatarHash(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("hex");
        assertThatThrownBy(() -> AvatarHash.ofEmail(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email");
        assertThatThrownBy(() -> AvatarHash.ofEmail(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("email");
        assertThatThrownBy(() -> AvatarHash.ofKey("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> AvatarHash.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("author");
    }
}
