package dev.parley.pingback;

import dev.parley.pingback.fetch.SafeFetcher;
import dev.parley.pingback.fetch.internal.UrlRules;
import dev.parley.pingback.verify.LinkVerifier;
import dev.parley.pingback.verify.SourceReport;
import dev.parley.pingback.verify.SourceVerification;
import dev.parley.pingback.verify.internal.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a linkback request's source and target into a verified linkback or a rejection, the same way for
 * Pingback, TrackBack and Webmention. The steps, cheapest first, stop at the first failure:
 *
 * <ol>
 *   <li>source and target pass the fetcher's URL rules as given: absolute http(s) URLs with {@code //} and a
 *       host, without user-info, backslashes, spaces or control characters (a URL that URL parsers read
 *       differently, such as {@code http://a.example\@b.example/}, is refused rather than read one way), at most
 *       {@link Builder#maxUrlLength(int)} characters (source: {@link Fault#SOURCE_NOT_FOUND}; target:
 *       {@link Fault#TARGET_NOT_FOUND});</li>
 *   <li>source and target differ once canonical ({@link Fault#GENERIC});</li>
 *   <li>the host's {@link TargetCheck} opens the target (its fault);</li>
 *   <li>for Pingback and TrackBack, the host's {@link RegistrationCheck} does not know the linkback yet
 *       ({@link Fault#ALREADY_REGISTERED});</li>
 *   <li>the source is fetched through the {@link SafeFetcher} ({@link Fault#SOURCE_NOT_FOUND} or
 *       {@link Fault#UPSTREAM_ERROR}, see {@link SourceVerification.Unavailable});</li>
 *   <li>the page links to the target by {@link LinkVerifier}'s rules ({@link Fault#SOURCE_HAS_NO_LINK});</li>
 *   <li>title, excerpt, h-entry content, author, post type, permalink and publication date are extracted
 *       into the {@link VerifiedLinkback}.</li>
 * </ol>
 *
 * <p>Source and target in the result are canonical (scheme and host lower-cased, default port and fragment
 * removed), so a host can use them as keys. TrackBack's own title and excerpt fields are not used: they are
 * the sender's claims, and the page's are verified.
 *
 * <p>Nothing a sender or a source page does raises an exception: it is a {@link LinkbackResult.Rejected}.
 * Exceptions are for misuse (null arguments) and for failures of the host's own callbacks, which propagate.
 * Receiving is synchronous and takes up to the fetcher's time cap; Webmention receivers answer 202 first and
 * call this from their own bounded queue.
 *
 * <p>Immutable and thread-safe.
 */
public final class LinkbackReceiver {

    /** The default and largest URL length accepted. */
    public static final int DEFAULT_MAX_URL_LENGTH = VerifiedLinkback.MAX_URL_LENGTH;

    private final LinkVerifier verifier;
    private final TargetCheck targetCheck;
    private final RegistrationCheck registrationCheck;
    private final int maxUrlLength;

    private LinkbackReceiver(Builder builder, SafeFetcher fetcher, TargetCheck targetCheck) {
        this.verifier = LinkVerifier.builder().fetcher(fetcher).excerptContext(builder.excerptContext).build();
        this.targetCheck = targetCheck;
        this.registrationCheck = builder.registrationCheck;
        this.maxUrlLength = builder.maxUrlLength;
    }

    /**
     * Returns a builder; {@link Builder#fetcher(SafeFetcher)} and {@link Builder#targetCheck(TargetCheck)} are
     * required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Receives one linkback: checks, fetches, verifies and extracts.
     *
     * @param protocol the protocol the request arrived by
     * @param source the source URL as the request gave it
     * @param target the target URL as the request gave it (for TrackBack, the URL of the post whose
     *     endpoint was called)
     * @return accepted with the verified linkback, or rejected with the fault and a message for the sender
     * @throws NullPointerException naming the argument, if one is null
     */
    public LinkbackResult receive(Protocol protocol, String source, String target) {
        Objects.requireNonNull(protocol, "protocol must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Prechecked checked = prechecked(source, target);
        if (checked.rejected() != null) {
            return checked.rejected();
        }
        String canonicalSource = checked.source();
        String canonicalTarget = checked.target();
        if (protocol != Protocol.WEBMENTION
                && registrationCheck.isRegistered(protocol, canonicalSource, canonicalTarget)) {
            return reject(Fault.ALREADY_REGISTERED, "this linkback is already registered");
        }
        SourceVerification verification = verify(canonicalSource, canonicalTarget);
        if (verification instanceof SourceVerification.Unavailable unavailable) {
            return reject(unavailable.fault(), unavailable.message());
        }
        SourceReport report = ((SourceVerification.Fetched) verification).report();
        if (!report.linksToTarget()) {
            return reject(Fault.SOURCE_HAS_NO_LINK, "source does not link to target");
        }
        return new LinkbackResult.Accepted(linkback(protocol, canonicalSource, canonicalTarget, report));
    }

    /**
     * Runs the checks of {@link #receive} that need no fetch: the URL rules, distinct source and target, and the
     * host's {@link TargetCheck} (steps 1 to 3; the registration check and the fetch are left out). Cheap and
     * synchronous, so a Webmention receiver answers 400 for a malformed or foreign target at once, before it
     * answers 202 and queues {@link #receive}, as the Webmention spec says it should (3.2.1).
     *
     * @param source the source URL as the request gave it
     * @param target the target URL as the request gave it
     * @return the rejection {@link #receive} would return for these steps, or empty when it would go on to fetch
     * @throws NullPointerException naming the argument, if one is null
     */
    public Optional<LinkbackResult.Rejected> precheck(String source, String target) {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(target, "target must not be null");
        return Optional.ofNullable(prechecked(source, target).rejected());
    }

    private record Prechecked(String source, String target, LinkbackResult.@Nullable Rejected rejected) {
    }

    private Prechecked prechecked(String source, String target) {
        String canonicalSource = canonical(source);
        if (canonicalSource == null) {
            return refused(Fault.SOURCE_NOT_FOUND, "source must be an absolute http or https URL without"
                    + " user-info, backslashes, spaces or control characters, at most " + maxUrlLength
                    + " characters");
        }
        String canonicalTarget = canonical(target);
        if (canonicalTarget == null) {
            return refused(Fault.TARGET_NOT_FOUND, "target must be an absolute http or https URL without"
                    + " user-info, backslashes, spaces or control characters, at most " + maxUrlLength
                    + " characters");
        }
        if (canonicalSource.equals(canonicalTarget)) {
            return refused(Fault.GENERIC, "source and target must be different URLs");
        }
        TargetCheck.Verdict verdict = Objects.requireNonNull(targetCheck.check(canonicalTarget),
                "the target check returned null");
        if (verdict instanceof TargetCheck.Refused refused) {
            return refused(refused.fault(), refused.message());
        }
        return new Prechecked(canonicalSource, canonicalTarget, null);
    }

    private static Prechecked refused(Fault fault, String message) {
        return new Prechecked("", "", new LinkbackResult.Rejected(fault, message));
    }

    /**
     * Checks a known Webmention's source again, for updates and deletions. The target check and the
     * registration check are not consulted: the linkback is already the host's.
     *
     * @param source the stored source URL
     * @param target the stored target URL
     * @return still links (with the fresh linkback), no longer links, gone, or unavailable for now
     * @throws NullPointerException naming the argument, if one is null
     */
    public Reverification reverify(String source, String target) {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(target, "target must not be null");
        String canonicalSource = canonical(source);
        String canonicalTarget = canonical(target);
        if (canonicalSource == null || canonicalTarget == null || canonicalSource.equals(canonicalTarget)) {
            return new Reverification.Unavailable(Fault.GENERIC, "source and target must be different absolute"
                    + " http or https URLs");
        }
        SourceVerification verification = verify(canonicalSource, canonicalTarget);
        if (verification instanceof SourceVerification.Unavailable unavailable) {
            return unavailable.gone() ? new Reverification.Gone()
                    : new Reverification.Unavailable(unavailable.fault(), unavailable.message());
        }
        SourceVerification.Fetched fetched = (SourceVerification.Fetched) verification;
        if (!fetched.report().linksToTarget()) {
            return new Reverification.NoLongerLinks(fetched.finalUrl());
        }
        return new Reverification.StillLinks(linkback(Protocol.WEBMENTION, canonicalSource, canonicalTarget,
                fetched.report()));
    }

    /**
     * Returns the verifier this receiver uses, for callers who want to verify pages themselves with the same
     * fetcher and settings.
     *
     * @return the verifier
     */
    public LinkVerifier verifier() {
        return verifier;
    }

    private @Nullable String canonical(String url) {
        // The fetcher's own rules first: a URL that parsers read differently is refused, not read one way.
        String canonical = UrlRules.problem(url, maxUrlLength) != null ? null : Urls.canonical(url);
        // Percent-encoding can lengthen a URL; the limit holds for the form that is kept.
        return canonical == null || canonical.length() > maxUrlLength ? null : canonical;
    }

    private SourceVerification verify(String source, String target) {
        return verifier.verifySource(source, target);
    }

    private static VerifiedLinkback linkback(Protocol protocol, String source, String target, SourceReport report) {
        return new VerifiedLinkback(protocol, source, target, report.title(), report.excerpt(), report.content(),
                report.author(), report.postType(), report.url(), report.published());
    }

    private static LinkbackResult reject(Fault fault, String message) {
        return new LinkbackResult.Rejected(fault, message);
    }

    /**
     * Configures a {@link LinkbackReceiver}. Not thread-safe; {@link #build()} validates everything at once.
     */
    public static final class Builder {

        private @Nullable SafeFetcher fetcher;
        private @Nullable TargetCheck targetCheck;
        private RegistrationCheck registrationCheck = RegistrationCheck.none();
        private int maxUrlLength = DEFAULT_MAX_URL_LENGTH;
        private int excerptContext = LinkVerifier.DEFAULT_EXCERPT_CONTEXT;

        private Builder() {
        }

        /**
         * Sets the fetcher sources are read with (required). Its address policy and caps are the receiver's
         * SSRF protection; the default {@code SafeFetcher.builder().build()} refuses every non-public address.
         *
         * @param fetcher the fetcher
         * @return this builder
         * @throws NullPointerException if {@code fetcher} is null
         */
        public Builder fetcher(SafeFetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher must not be null");
            return this;
        }

        /**
         * Sets the host's check of targets (required).
         *
         * @param targetCheck the check
         * @return this builder
         * @throws NullPointerException if {@code targetCheck} is null
         */
        public Builder targetCheck(TargetCheck targetCheck) {
            this.targetCheck = Objects.requireNonNull(targetCheck, "targetCheck must not be null");
            return this;
        }

        /**
         * Sets the host's check of already registered Pingback and TrackBack linkbacks.
         *
         * @param registrationCheck the check; default {@link RegistrationCheck#none()}
         * @return this builder
         * @throws NullPointerException if {@code registrationCheck} is null
         */
        public Builder registrationCheck(RegistrationCheck registrationCheck) {
            this.registrationCheck = Objects.requireNonNull(registrationCheck, "registrationCheck must not be null");
            return this;
        }

        /**
         * Sets the longest source or target URL accepted.
         *
         * @param characters 16 to {@value LinkbackReceiver#DEFAULT_MAX_URL_LENGTH}; default
         *     {@value LinkbackReceiver#DEFAULT_MAX_URL_LENGTH}
         * @return this builder
         */
        public Builder maxUrlLength(int characters) {
            this.maxUrlLength = characters;
            return this;
        }

        /**
         * Sets the characters of context on each side of the link in excerpts.
         *
         * @param characters 0 to 140; default {@value LinkVerifier#DEFAULT_EXCERPT_CONTEXT}
         * @return this builder
         */
        public Builder excerptContext(int characters) {
            this.excerptContext = characters;
            return this;
        }

        /**
         * Builds the receiver.
         *
         * @return the receiver
         * @throws IllegalArgumentException naming every missing or invalid setting
         */
        public LinkbackReceiver build() {
            List<String> problems = new ArrayList<>();
            if (fetcher == null) {
                problems.add("fetcher is required");
            }
            if (targetCheck == null) {
                problems.add("targetCheck is required");
            }
            if (maxUrlLength < 16 || maxUrlLength > DEFAULT_MAX_URL_LENGTH) {
                problems.add("maxUrlLength must be 16 to " + DEFAULT_MAX_URL_LENGTH + ", was " + maxUrlLength);
            }
            if (excerptContext < 0 || excerptContext > 140) {
                problems.add("excerptContext must be 0 to 140, was " + excerptContext);
            }
            if (fetcher == null || targetCheck == null || !problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new LinkbackReceiver(this, fetcher, targetCheck);
        }
    }
}
