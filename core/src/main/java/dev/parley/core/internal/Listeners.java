package dev.parley.core.internal;

import dev.parley.core.CommentListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls every listener in order; a listener's failure is logged and never reaches the caller. */
public final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<CommentListener> listeners;

    /**
     * Creates the dispatcher.
     *
     * @param listeners the listeners, in call order
     */
    public Listeners(List<CommentListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Delivers an event to every listener.
     *
     * @param event what to call on each
     * @param what the event's name, for the log
     */
    public void fire(Consumer<CommentListener> event, String what) {
        for (CommentListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError) {
                    throw (VirtualMachineError) e;
                }
                LOG.warn("Comment listener {} failed on {}; the action stands", listener.getClass().getName(), what, e);
            }
        }
    }
}
