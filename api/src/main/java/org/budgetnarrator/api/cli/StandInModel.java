package org.budgetnarrator.api.cli;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * An OpenAI-compatible chat endpoint on 127.0.0.1 standing in for a language model in measurements: it answers
 * a POLISH request, after a fixed latency, with {"text": polish(draft)}. Never a model; no network beyond loopback.
 */
public final class StandInModel implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpServer server;
    private final AtomicLong calls = new AtomicLong();

    public StandInModel(long latencyMillis, UnaryOperator<String> polish) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new IllegalStateException("could not open a loopback port for the stand-in model: " + e.getMessage(), e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", exchange -> {
            calls.incrementAndGet();
            JsonNode messages = MAPPER.readTree(exchange.getRequestBody()).path("messages");
            String draft = MAPPER.readTree(messages.get(messages.size() - 1).path("content").asText()).path("draft").asText();
            if (latencyMillis > 0) {
                try {
                    Thread.sleep(latencyMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = MAPPER.writeValueAsBytes(Map.of("id", "stand-in", "object", "chat.completion", "created", 1, "model", "stand-in",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", MAPPER.writeValueAsString(Map.of("text", polish.apply(draft)))))),
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

    /** Calls answered so far. */
    public long calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
