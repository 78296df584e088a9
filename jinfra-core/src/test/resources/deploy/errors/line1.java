void deploy(Host host) { aptt.install(); }
