package dev.parley.examples.web;

import dev.parley.core.ThreadNode;
import dev.parley.core.ThreadPage;
import dev.parley.examples.Blog;
import dev.parley.storage.Comment;
import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's public JSON shape of comments and thread pages: what any reader may see. E-mail addresses, IP
 * addresses and user agents never appear; a pending comment appears only in its own author's view, marked
 * {@code "status": "pending"}.
 *
 * <p>Thread-safe: immutable.
 */
final class CommentJson {

    private final JsonMapper mapper;
    private final SiteUrls urls;

    CommentJson(JsonMapper mapper, SiteUrls urls) {
        this.mapper = mapper;
        this.urls = urls;
    }

    ObjectNode page(ThreadPage page) {
        ObjectNode out = mapper.createObjectNode();
        out.put("thread", page.thread().value());
        out.put("order", page.order().name().toLowerCase(Locale.ROOT));
        ObjectNode counts = out.putObject("counts");
        counts.put("approved", page.counts().approved());
        ArrayNode roots = out.putArray("comments");
        for (ThreadNode root : page.roots()) {
            roots.add(node(root));
        }
        if (page.next() == null) {
            out.putNull("next");
        } else {
            out.put("next", page.next().token());
        }
        return out;
    }

    ObjectNode node(ThreadNode node) {
        ObjectNode out = comment(node.comment(), node.placeholder());
        ArrayNode replies = out.putArray("replies");
        for (ThreadNode reply : node.replies()) {
            replies.add(node(reply));
        }
        return out;
    }

    ObjectNode comment(Comment comment, boolean placeholder) {
        ObjectNode out = mapper.createObjectNode();
        out.put("id", comment.id().value());
        if (comment.parentId() == null) {
            out.putNull("parent");
        } else {
            out.put("parent", comment.parentId().value());
        }
        out.put("depth", comment.depth());
        out.put("kind", comment.kind().name().toLowerCase(Locale.ROOT));
        out.put("status", placeholder ? "deleted" : comment.status() == Status.PENDING ? "pending" : "approved");
        if (placeholder) {
            return out;
        }
        ObjectNode author = out.putObject("author");
        author.put("name", comment.author().name());
        if (comment.author().url() == null) {
            author.putNull("url");
        } else {
            author.put("url", comment.author().url());
        }
        author.put("avatar", "/avatars/" + Avatars.key(comment.author()) + ".svg");
        author.put("postAuthor", Blog.AUTHOR_USER_ID.equals(comment.author().userId()));
        out.put("html", comment.html());
        if (comment.kind() != Kind.COMMENT && comment.linkback() != null) {
            ObjectNode linkback = out.putObject("linkback");
            linkback.put("source", comment.linkback().sourceUrl());
            linkback.put("title", comment.linkback().title());
        }
        out.put("created", comment.createdAt().toString());
        out.put("updated", comment.updatedAt().toString());
        out.put("permalink", urls.base() + "/posts/" + comment.thread().value() + "/comments/" + comment.id().value());
        return out;
    }
}
