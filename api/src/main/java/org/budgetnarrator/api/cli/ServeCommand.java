package org.budgetnarrator.api.cli;

import io.micronaut.runtime.Micronaut;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** Starts the GraphQL server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the GraphQL server on http://localhost:8080/graphql (GraphiQL at /graphiql).",
                "The four seed departments are loaded as demo data unless --no-demo is given."})
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--no-demo", description = "Do not load the demo departments at start-up.")
    boolean noDemo;

    @Override
    public Integer call() {
        // Only --no-demo overrides the configuration: server mode (application-server.yml) and
        // -Dnarrator.demo.enabled=false already keep the demo data out.
        Micronaut.build(new String[0])
                .mainClass(ServeCommand.class)
                .properties(noDemo ? java.util.Map.of("narrator.demo.enabled", false) : java.util.Map.of())
                .start();
        return NarratorCommand.KEEP_RUNNING;
    }
}
