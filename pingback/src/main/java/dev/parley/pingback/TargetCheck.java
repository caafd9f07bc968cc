package dev.parley.pingback;

import java.util.Objects;

/**
 * The host's answer to "is this URL one of my pages, and open for linkbacks?", asked by
 * {@link LinkbackReceiver} before it fetches anything, so a ping for someone else's URL or a closed post costs
 * no request to the source.
 *
 * <p>Implementations must be thread-safe: the receiver calls them from whatever threads call it. They receive
 * the target in canonical form (scheme and host lower-cased, default port and fragment removed). An exception
 * thrown here is the host's failure and propagates to the caller of the receiver.
 */
@FunctionalInterface
public interface TargetCheck {

    /**
     * Decides whether the target may receive linkbacks.
     *
     * @param target the canonical target URL
     * @return {@link Verdict#open()}, or a refusal
     */
    Verdict check(String target);

    /**
     * A target check's decision. Immutable and thread-safe.
     */
    sealed interface Verdict permits Open, Refused {

        /**
         * The target accepts linkbacks.
         *
         * @return the open verdict
         */
        static Verdict open() {
            return Open.INSTANCE;
        }

        /**
         * The target is not one of the host's pages ({@link Fault#TARGET_NOT_FOUND}, 0x20).
         *
         * @param message a reason safe to send to the sender
         * @return the refusal
         */
        static Verdict notFound(String message) {
            return new Refused(Fault.TARGET_NOT_FOUND, message);
        }

        /**
         * The target exists but takes no linkbacks, for example a closed post
         * ({@link Fault#TARGET_NOT_PINGABLE}, 0x21).
         *
         * @param message a reason safe to send to the sender
         * @return the refusal
         */
        static Verdict notPingable(String message) {
            return new Refused(Fault.TARGET_NOT_PINGABLE, message);
        }
    }

    /** The target accepts linkbacks. Obtain it with {@link Verdict#open()}. */
    enum Open implements Verdict {
        /** The one instance. */
        INSTANCE
    }

    /**
     * The target refuses linkbacks.
     *
     * @param fault {@link Fault#TARGET_NOT_FOUND}, {@link Fault#TARGET_NOT_PINGABLE} or {@link Fault#ACCESS_DENIED}
     * @param message a reason safe to send to the sender, not blank
     */
    record Refused(Fault fault, String message) implements Verdict {

        /**
         * Checks both components.
         *
         * @throws NullPointerException naming the component, if one is null
         * @throws IllegalArgumentException if the fault is not about the target or the message is blank
         */
        public Refused {
            Objects.requireNonNull(fault, "fault must not be null");
            Objects.requireNonNull(message, "message must not be null");
            if (fault != Fault.TARGET_NOT_FOUND && fault != Fault.TARGET_NOT_PINGABLE && fault != Fault.ACCESS_DENIED) {
                throw new IllegalArgumentException("fault must be TARGET_NOT_FOUND, TARGET_NOT_PINGABLE or"
                        + " ACCESS_DENIED, was " + fault);
            }
            if (message.isBlank()) {
                throw new IllegalArgumentException("message must not be blank");
            }
        }
    }
}
