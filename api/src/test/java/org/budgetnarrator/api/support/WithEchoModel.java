package org.budgetnarrator.api.support;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** A test class whose application talks to its own stand-in model (EchoModelServer), started before the context. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WithEchoModel implements TestPropertyProvider {

    protected EchoModelServer model;

    @Override
    public Map<String, String> getProperties() {
        model = new EchoModelServer();
        return model.properties();
    }

    @AfterAll
    void stopModel() {
        model.close();
    }
}
