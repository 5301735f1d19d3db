package org.budgetnarrator.drafting.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat endpoint on 127.0.0.1 that answers from a script: each call takes the next reply
 * (a status, a body or an assistant message, a delay, headers). Every request body is kept for assertions.
 */
public final class StubModelServer implements AutoCloseable {

    public record Reply(int status, String body, long delayMillis, Map<String, String> headers) {
        /** A 200 whose assistant message is {@code content}. */
        public static Reply message(String content) {
            try {
                String body = new ObjectMapper().writeValueAsString(Map.of("id", "stub", "object", "chat.completion", "created", 1,
                        "model", "stub-model", "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                                "message", Map.of("role", "assistant", "content", content))),
                        "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)));
                return new Reply(200, body, 0, Map.of());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A message whose content is {"text": text}. */
        public static Reply text(String text) {
            try {
                return message(new ObjectMapper().writeValueAsString(Map.of("text", text)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, "{\"error\": {\"message\": \"scripted " + status + "\"}}", 0, headers);
        }

        public Reply delayed(long millis) {
            return new Reply(status, body, millis, headers);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    /** Replies given to every call once the script is used up (null: 500). */
    private volatile Reply always;
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public StubModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Reply reply = script.poll();
            if (reply == null) {
                reply = always != null ? always : Reply.status(500, Map.of());
            }
            try {
                if (reply.delayMillis() > 0) {
                    Thread.sleep(reply.delayMillis());
                }
                byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(reply.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException | IOException e) {
                exchange.close();
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public StubModelServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public StubModelServer always(Reply reply) {
        this.always = reply;
        return this;
    }

    /** The user messages the model was sent, in order. */
    public List<String> userMessages() {
        ObjectMapper mapper = new ObjectMapper();
        return requests.stream().map(r -> {
            try {
                var messages = mapper.readTree(r).path("messages");
                return messages.get(messages.size() - 1).path("content").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Forgets the script and the requests (between cases sharing one server). */
    public void reset() {
        script.clear();
        always = null;
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
