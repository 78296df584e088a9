package dev.jinfra.api;

/** Where an operation's plan reads facts from: the host's cache, gathered on first use. */
public interface FactSource {
    /** For deploys that read no facts: asking for one is a mistake. */
    FactSource NONE = new FactSource() {
        @Override
        public <T> T get(Fact<T> fact) {
            throw new IllegalStateException("no facts available here: " + fact);
        }
    };

    <T> T get(Fact<T> fact);
}
