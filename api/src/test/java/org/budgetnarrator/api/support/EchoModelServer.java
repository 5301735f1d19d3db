package org.budgetnarrator.api.support;

import org.budgetnarrator.api.cli.StandInModel;

/**
 * A stand-in model (127.0.0.1) that polishes the draft it is sent by rewording 主要用于 as 主要用于保障 —
 * faithfully, or adding an invented 12.5万元 while {@link #invent} is set.
 */
public final class EchoModelServer implements AutoCloseable {

    public volatile boolean invent;
    private final StandInModel model = new StandInModel(0,
            draft -> draft.replace("主要用于", "主要用于保障") + (invent ? "另安排专项资金12.5万元。" : ""));

    public String baseUrl() {
        return model.baseUrl();
    }

    /** The application's settings for this model (a test's TestPropertyProvider returns them). */
    public java.util.Map<String, String> properties() {
        return java.util.Map.of("narrator.llm.base-url", baseUrl(), "narrator.llm.model", "stub-model", "narrator.llm.backoff", "10ms");
    }

    /** Calls answered so far. */
    public int calls() {
        return (int) model.calls();
    }

    @Override
    public void close() {
        model.close();
    }
}
