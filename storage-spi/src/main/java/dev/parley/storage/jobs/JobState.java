package dev.parley.storage.jobs;

/**
 * Where a job is in its life: waiting, leased to a worker, or finished one way or the other.
 *
 * <pre>
 * PENDING --claim--> RUNNING --complete--> DONE
 *    ^                  |  \----giveUp---> GAVE_UP
 *    +------retry-------+
 *  (an expired lease makes a RUNNING job claimable again, as if it were PENDING)
 * </pre>
 */
public enum JobState {

    /** Waiting to be claimed once its run time has come. */
    PENDING,
    /** Leased to a worker until the lease ends; claimable again by anyone after that. */
    RUNNING,
    /** Completed; kept with its outcome, never claimed again. */
    DONE,
    /** Given up; kept with the reason, never claimed again. */
    GAVE_UP;

    /**
     * Whether the job is finished: {@link #DONE} or {@link #GAVE_UP}.
     *
     * @return true if no worker will run it again
     */
    public boolean finished() {
        return this == DONE || this == GAVE_UP;
    }
}
