package org.budgetnarrator.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat endpoint on 127.0.0.1 that polishes the draft it is sent by rewording 主要用于 as
 * 主要用于保障 — faithfully, or adding an invented 12.5万元 when {@link #invent} is set.
 */
public final class EchoModelServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpServer server;
    public final AtomicInteger calls = new AtomicInteger();
    public volatile boolean invent;

    public EchoModelServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            calls.incrementAndGet();
            JsonNode messages = MAPPER.readTree(exchange.getRequestBody()).path("messages");
            String draft = MAPPER.readTree(messages.get(messages.size() - 1).path("content").asText()).path("draft").asText();
            String text = draft.replace("主要用于", "主要用于保障") + (invent ? "另安排专项资金12.5万元。" : "");
            byte[] body = MAPPER.writeValueAsBytes(Map.of("id", "x", "object", "chat.completion", "created", 1, "model", "stub-model",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", MAPPER.writeValueAsString(Map.of("text", text))))),
                    "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
