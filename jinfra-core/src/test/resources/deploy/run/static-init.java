// Loading a deploy must not run any of it, not even a static field's initializer.
static final String RAN = System.setProperty("jinfra.test.static-init", "ran");

void deploy(Host host) {
}
