package org.budgetnarrator.api.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Child processes of a benchmark run: this application's own commands and servers, and shell tools. */
final class Children {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private Children() {
    }

    /** A finished command: exit code and its standard output and error, merged. */
    record Result(int exit, String output, double seconds) {
        boolean ok() {
            return exit == 0;
        }
    }

    /** bin/narrator of the checkout whose api/target holds the running jar, or null. */
    static Path launcher() {
        try {
            Path jar = Path.of(Children.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!jar.toString().endsWith(".jar") || jar.getParent() == null || jar.getParent().getParent() == null
                    || jar.getParent().getParent().getParent() == null) {
                return null;
            }
            Path script = jar.getParent().getParent().getParent().resolve("bin").resolve("narrator");
            return Files.isRegularFile(script) ? script : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The java command that runs this application (the packaged jar, or the classes this JVM runs from). */
    static List<String> self(List<String> jvmOptions, List<String> systemProperties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(systemProperties);
        String location;
        try {
            location = Path.of(Children.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            location = "";
        }
        if (location.endsWith(".jar")) {
            command.add("-jar");
            command.add(location);
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("org.budgetnarrator.api.Application");
        }
        return command;
    }

    static Result run(List<String> command, Map<String, String> env, Path log, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process p = builder.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            return new Result(-1, Files.readString(log, StandardCharsets.UTF_8) + "\n(timed out after " + timeoutSeconds + " s)",
                    (System.nanoTime() - start) / 1e9);
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), (System.nanoTime() - start) / 1e9);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A server started by the run; {@link #close} stops it and waits for it to exit. */
    static class Server implements AutoCloseable {
        final Process process;
        final String url;
        final Path log;
        /** Seconds from starting the process to the first answered GraphQL query. */
        final double startSeconds;

        Server(Process process, String url, Path log, double startSeconds) {
            this.process = process;
            this.url = url;
            this.log = log;
            this.startSeconds = startSeconds;
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    /** Starts a server and waits until its /graphql answers a query (200, no errors), at most 120 s. */
    static Server start(List<String> command, Map<String, String> env, int port, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        String url = "http://127.0.0.1:" + port + "/graphql";
        long start = System.nanoTime();
        Process p = builder.start();
        long deadline = start + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("the server exited with " + p.exitValue() + ": " + tail(log));
            }
            if (answers(url)) {
                return new Server(p, url, log, (System.nanoTime() - start) / 1e9);
            }
            Thread.sleep(10);
        }
        p.destroyForcibly();
        throw new IOException("the server did not answer within 120 s: " + tail(log));
    }

    static boolean answers(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && !r.body().contains("\"errors\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** POSTs a query; the response body, or an exception naming the status. */
    static String post(String url, String query) throws IOException, InterruptedException {
        String body = MAPPER.writeValueAsString(Map.of("query", query));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " from " + url + ": " + abbreviate(r.body()));
        }
        return r.body();
    }

    static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    /** Resident memory of a process in MB (VmRSS), or -1 when it cannot be read. */
    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
