package org.budgetnarrator.api.graphql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.configuration.graphql.GraphQLController;
import io.micronaut.configuration.graphql.GraphQLInvocation;
import io.micronaut.configuration.graphql.GraphQLInvocationData;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /graphql as the GraphQL-over-HTTP specification describes it, in place of micronaut-graphql's controller
 * (which only speaks application/json, answers 406 to {@code application/graphql-response+json}, and runs
 * mutations sent by GET).
 *
 * <ul>
 *   <li>Media type: {@code application/graphql-response+json} when the client asks for it (by Accept, q-values
 *   honoured), else {@code application/json}; a request that accepts neither gets 406.</li>
 *   <li>Status: with {@code application/json}, 200 for every well-formed request (errors in the body, as legacy
 *   clients expect); with {@code application/graphql-response+json}, 400 when the operation never ran (a
 *   document that does not parse or validate, variables that do not coerce) — the response then has no
 *   {@code data} entry.</li>
 *   <li>A request that is not a GraphQL request (body not JSON, {@code query} missing or not a string,
 *   {@code variables}/{@code extensions} not objects) is 400 in either media type; POST without
 *   {@code application/json} (or {@code application/graphql}) is 415.</li>
 *   <li>GET runs queries only: a mutation by GET is 405 with {@code Allow: POST}, so a link or a prefetch can
 *   never change stored data.</li>
 *   <li>POST as {@code multipart/form-data} carries files (the GraphQL multipart request specification): see
 *   {@link #multipart}.</li>
 * </ul>
 */
@Controller("${graphql.path:/graphql}")
@Replaces(GraphQLController.class)
public class GraphQLHttpController {

    static final MediaType GRAPHQL_RESPONSE = new MediaType("application/graphql-response+json");
    private static final MediaType GRAPHQL_RESPONSE_UTF8 = new MediaType("application/graphql-response+json;charset=utf-8");
    private static final MediaType JSON_UTF8 = new MediaType("application/json;charset=utf-8");

    // Money in variables stays exact: a JSON number becomes a BigDecimal, never a double. The bounds stop a body
    // that nests 100,000 arrays deep or holds a thousand-digit number while it is read (GraphQLHttp.MAX_JSON_DEPTH …).
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(GraphQLHttp.MAX_JSON_DEPTH)
                    .maxNumberLength(GraphQLHttp.MAX_NUMBER_LENGTH)
                    .maxStringLength(GraphQLHttp.MAX_STRING_LENGTH)
                    .build())
            .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final GraphQLInvocation invocation;

    public GraphQLHttpController(GraphQLInvocation invocation) {
        this.invocation = invocation;
    }

    @Get(produces = MediaType.ALL, single = true)
    public Publisher<MutableHttpResponse<String>> get(@Nullable @QueryValue("query") String query,
                                                      @Nullable @QueryValue("operationName") String operationName,
                                                      @Nullable @QueryValue("variables") String variables,
                                                      @Nullable @QueryValue("extensions") String extensions,
                                                      HttpRequest<?> request) {
        MediaType media = GraphQLHttp.negotiate(request.getHeaders().get(HttpHeaders.ACCEPT));
        if (media == null) {
            return Mono.just(notAcceptable());
        }
        GraphQLHttp.Parsed parsed;
        try {
            parsed = GraphQLHttp.fromQueryString(query, operationName, parseJson(variables, "variables"),
                    parseJson(extensions, "extensions"));
        } catch (GraphQLHttp.BadRequest e) {
            return Mono.just(badRequest(media, e.getMessage()));
        }
        if (GraphQLHttp.isMutation(parsed.query(), parsed.operationName())) {
            return Mono.just(respond(HttpResponse.status(HttpStatus.METHOD_NOT_ALLOWED), media, GraphQLHttp.error(
                    "A mutation cannot be sent by GET; send it by POST.", "BAD_REQUEST"))
                    .header(HttpHeaders.ALLOW, "POST"));
        }
        return execute(parsed, media, request);
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.ALL, single = true)
    public Publisher<MutableHttpResponse<String>> post(@Nullable @Body String body, HttpRequest<?> request) {
        MediaType media = GraphQLHttp.negotiate(request.getHeaders().get(HttpHeaders.ACCEPT));
        if (media == null) {
            return Mono.just(notAcceptable());
        }
        MediaType contentType = request.getContentType().orElse(null);
        GraphQLHttp.Parsed parsed;
        try {
            if (contentType != null && "application/graphql".equals(contentType.getName())) {
                parsed = GraphQLHttp.fromQueryString(body == null ? null : body, null, null, null);
            } else if (contentType != null && MediaType.APPLICATION_JSON.equals(contentType.getName())) {
                parsed = GraphQLHttp.fromBody(parseJson(body, "body"));
            } else {
                return Mono.just(respond(HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE), media, GraphQLHttp.error(
                        "A GraphQL request is sent with Content-Type: application/json"
                                + (contentType == null ? "; the request has none." : ", not " + contentType.getName() + "."),
                        "BAD_REQUEST")));
            }
        } catch (GraphQLHttp.BadRequest e) {
            return Mono.just(badRequest(media, e.getMessage()));
        }
        return execute(parsed, media, request);
    }

    /**
     * A request with files, as the GraphQL multipart request specification sends it: the part {@code operations} is
     * the request's JSON with each file's variable null, {@code map} names for each file part the variable paths it
     * fills ({"0": ["variables.file"]}), then the file parts. Each file becomes an {@link Upload} in the variables; the
     * operation then runs as any other (a mutation by POST, the same sign-in and bounds).
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.ALL, single = true)
    public Publisher<MutableHttpResponse<String>> multipart(@Body MultipartBody body, HttpRequest<?> request) {
        MediaType media = GraphQLHttp.negotiate(request.getHeaders().get(HttpHeaders.ACCEPT));
        if (media == null) {
            return Mono.just(notAcceptable());
        }
        return Flux.from(body).collectList().flatMap(parts -> {
            GraphQLHttp.Parsed parsed;
            try {
                parsed = withFiles(parts);
            } catch (GraphQLHttp.BadRequest e) {
                return Mono.just(badRequest(media, e.getMessage()));
            }
            return Mono.from(execute(parsed, media, request));
        });
    }

    private static GraphQLHttp.Parsed withFiles(List<CompletedPart> parts) {
        Map<String, CompletedPart> byName = new LinkedHashMap<>();
        for (CompletedPart part : parts) {
            if (byName.putIfAbsent(part.getName(), part) != null) {
                throw new GraphQLHttp.BadRequest("The multipart request has two parts named \"" + part.getName() + "\".");
            }
        }
        CompletedPart operations = byName.get("operations");
        CompletedPart map = byName.get("map");
        if (operations == null || map == null) {
            throw new GraphQLHttp.BadRequest("A multipart GraphQL request has the parts \"operations\" and \"map\" before its files.");
        }
        GraphQLHttp.Parsed parsed = GraphQLHttp.fromBody(parseJson(text(operations), "operations"));
        Map<String, Object> variables = new LinkedHashMap<>(parsed.variables());
        for (Map.Entry<String, Object> entry : parseJson(text(map), "map").entrySet()) {
            CompletedPart file = byName.get(entry.getKey());
            if (file == null) {
                throw new GraphQLHttp.BadRequest("The \"map\" names the file part \"" + entry.getKey() + "\", which the request does not hold.");
            }
            if (!(entry.getValue() instanceof List<?> paths) || paths.isEmpty()) {
                throw new GraphQLHttp.BadRequest("The \"map\" gives each file part a list of variable paths (\"variables.file\").");
            }
            Upload upload = new Upload(file instanceof CompletedFileUpload f && f.getFilename() != null ? f.getFilename() : entry.getKey(),
                    bytes(file));
            for (Object path : paths) {
                String p = String.valueOf(path);
                if (!p.matches("variables\\.[_A-Za-z][_0-9A-Za-z]*")) {
                    throw new GraphQLHttp.BadRequest("A file fills a variable of its own (\"variables.file\"), not \"" + p + "\".");
                }
                variables.put(p.substring("variables.".length()), upload);
            }
        }
        return new GraphQLHttp.Parsed(parsed.query(), parsed.operationName(), variables);
    }

    private static String text(CompletedPart part) {
        return new String(bytes(part), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(CompletedPart part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new GraphQLHttp.BadRequest("The part \"" + part.getName() + "\" could not be read (" + e.getMessage() + ").");
        }
    }

    private Publisher<MutableHttpResponse<String>> execute(GraphQLHttp.Parsed parsed, MediaType media, HttpRequest<?> request) {
        MutableHttpResponse<String> response = HttpResponse.ok();
        GraphQLInvocationData data = new GraphQLInvocationData(parsed.query(), parsed.operationName(), parsed.variables());
        return Mono.from(invocation.invoke(data, request, response)).map(result -> {
            // GraphQL-over-HTTP: in application/graphql-response+json a response without data (the operation did not
            // run) is a 4xx; in application/json it stays 200 with the errors, which is what older clients read.
            if (GRAPHQL_RESPONSE.equals(media) && !result.isDataPresent() && response.status() == HttpStatus.OK) {
                response.status(HttpStatus.BAD_REQUEST);
            }
            return respond(response, media, result.toSpecification());
        });
    }

    private static Map<String, Object> parseJson(@Nullable String json, String what) {
        if (json == null) {
            return null;
        }
        try {
            Object value = MAPPER.readValue(json, Object.class);
            if (value == null) {
                return null;
            }
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) map;
                return m;
            }
            throw new GraphQLHttp.BadRequest("\"" + what + "\" must be a JSON object.");
        } catch (StreamConstraintsException e) {
            throw new GraphQLHttp.BadRequest(GraphQLHttp.overBound(describe(what), e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new GraphQLHttp.BadRequest(describe(what) + " is not valid JSON"
                    + (at == null ? "." : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")."));
        } catch (NumberFormatException | ArithmeticException e) {
            // A number Jackson's grammar accepts but BigDecimal cannot hold: an exponent beyond ±2147483647.
            throw new GraphQLHttp.BadRequest(describe(what) + " holds a number whose exponent is out of range.");
        }
    }

    private static String describe(String what) {
        return "body".equals(what) ? "The request body" : "The \"" + what + "\" parameter";
    }

    private static MutableHttpResponse<String> badRequest(MediaType media, String message) {
        return respond(HttpResponse.status(HttpStatus.BAD_REQUEST), media, GraphQLHttp.error(message, "BAD_REQUEST"));
    }

    private static MutableHttpResponse<String> notAcceptable() {
        return respond(HttpResponse.status(HttpStatus.NOT_ACCEPTABLE), MediaType.APPLICATION_JSON_TYPE, GraphQLHttp.error(
                "This endpoint answers application/graphql-response+json or application/json; the Accept header allows neither.",
                "BAD_REQUEST"));
    }

    private static MutableHttpResponse<String> respond(MutableHttpResponse<?> response, MediaType media, Map<String, Object> body) {
        String json;
        try {
            json = MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a GraphQL result could not be written as JSON", e);
        }
        @SuppressWarnings("unchecked") MutableHttpResponse<String> r = (MutableHttpResponse<String>) response;
        return r.body(json).contentType(GRAPHQL_RESPONSE.equals(media) ? GRAPHQL_RESPONSE_UTF8 : JSON_UTF8);
    }
}
