/**
 * Comment content: plain text or a small HTML subset in, sanitized HTML out, and the helpers for fields that
 * are not HTML.
 *
 * <p>What the engine calls:
 * <ul>
 *   <li>{@link dev.parley.core.content.ContentRenderer#standard()}: the default renderer
 *       ({@link dev.parley.core.content.CommentRenderer}; build another with
 *       {@link dev.parley.core.content.CommentRenderer#builder()}). {@code render(raw, format)} returns the HTML
 *       stored beside the raw input; input over the limit (default 65,535 characters, the engine's text limit)
 *       is an {@code IllegalArgumentException}, so validate the length first and reject it as a user outcome.</li>
 *   <li>{@link dev.parley.core.content.Links#count(String)} on the rendered HTML: the number of links, for the
 *       "hold at 2 or more links" rule (bare URLs the renderer linked count too).</li>
 *   <li>{@link dev.parley.core.content.Html#text(String)}: the text with tags stripped and entities decoded, for
 *       matching hold and block word lists against what a reader sees.</li>
 *   <li>{@link dev.parley.core.content.Html#escape(String)}: for every field that is text, not HTML (author name
 *       and URL, linkback title and excerpt), wherever it is written into a page.</li>
 *   <li>{@link dev.parley.core.content.Links#httpUrl(String)}: an author's web address as an absolute http(s)
 *       URL, or empty.</li>
 * </ul>
 *
 * <p>Safety in one paragraph: input is capped before parsing; HTML is parsed once by jsoup; the tree is
 * reduced to the allowed shape; paragraphs are added; and the sanitizing writer runs last, adding line breaks
 * and links as it writes the text and keeping, for those as for everything in the tree, only the elements,
 * attributes and URL schemes of a jsoup {@code Safelist} built from scratch, forcing
 * {@code rel="nofollow ugc"} on links and escaping all text. The output is a fixed point of rendering.
 */
@NullMarked
package dev.parley.core.content;

import org.jspecify.annotations.NullMarked;
