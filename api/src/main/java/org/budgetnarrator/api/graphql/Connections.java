package org.budgetnarrator.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Relay cursor connections: opaque cursors, `first` capped at 100. */
final class Connections {

    static final int DEFAULT_FIRST = 20;
    static final int MAX_FIRST = 100;

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    record Edge<T>(String cursor, T node) {
    }

    /** A page; {@code source} is what the connection-level fetchers (totalCount, totals) need. */
    record Page<T>(List<Edge<T>> edges, PageInfo pageInfo, Object source) {
        public List<T> nodes() {
            return edges.stream().map(Edge::node).toList();
        }
    }

    private Connections() {
    }

    static int first(Integer first) {
        if (first == null) {
            return DEFAULT_FIRST;
        }
        if (first < 0) {
            throw new BadInputException("first must not be negative; got " + first);
        }
        if (first > MAX_FIRST) {
            throw new BadInputException("first may not exceed " + MAX_FIRST + "; got " + first + ". Page with `after`.");
        }
        return first;
    }

    static String cursor(String kind, String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside a cursor of this kind; a cursor of another kind or not a cursor at all is BAD_USER_INPUT. */
    static String decode(String kind, String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(kind + ":")) {
                return text.substring(kind.length() + 1);
            }
        } catch (IllegalArgumentException e) {
            // not base64
        }
        throw new BadInputException("after: \"" + cursor + "\" is not a cursor of this list; use an endCursor it returned");
    }

    /** Builds a page from up to first+1 items read after the cursor. */
    static <T> Page<T> page(List<T> items, int first, boolean after, String kind, Function<T, String> key, Object source) {
        boolean more = items.size() > first;
        List<T> shown = more ? items.subList(0, first) : items;
        List<Edge<T>> edges = shown.stream().map(t -> new Edge<>(cursor(kind, key.apply(t)), t)).toList();
        PageInfo info = new PageInfo(more, after, edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Page<>(edges, info, source);
    }
}
