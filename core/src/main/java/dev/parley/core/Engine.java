package dev.parley.core;

import dev.parley.core.content.ContentRenderer;
import dev.parley.core.internal.EditTokens;
import dev.parley.core.internal.Listeners;
import dev.parley.core.moderation.ModerationPipeline;
import dev.parley.core.moderation.RejectCode;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import java.time.Clock;
import java.util.function.Supplier;

/** What the service's parts share; built once by {@link CommentService.Builder}. */
record Engine(
        CommentStore store,
        Settings settings,
        Clock clock,
        EditTokens tokens,
        ContentRenderer renderer,
        ModerationPipeline pipeline,
        ThreadPolicy policy,
        Listeners listeners,
        Supplier<CommentId> ids,
        InputValidator validator) {

    /** The sentence shown to a user for a refusal that is not about one field. */
    static String message(RejectCode code) {
        return switch (code) {
            case DUPLICATE -> "Duplicate comment detected; it looks as though you have already said that.";
            case FLOOD -> "You are posting comments too quickly. Please slow down.";
            case CLOSED -> "Comments are closed.";
            case BAD_PARENT -> "The comment you are replying to is not available.";
            case BAD_TOKEN -> "You cannot change this comment.";
            case EDIT_WINDOW_CLOSED -> "The time to edit this comment has passed.";
            case HAS_REPLIES -> "This comment has replies and can no longer be changed.";
            case NOT_FOUND -> "This comment is not available.";
            case EMPTY -> "Please type a comment.";
            case TOO_LONG -> "Your comment is too long.";
            case INVALID_FIELD -> "Please check the form.";
            case BLOCKED -> "Your comment could not be accepted.";
        };
    }
}
