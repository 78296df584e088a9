// A deploy with a typo on line 4.

void deploy(Host host) {
    String name = host.nmae();
}
