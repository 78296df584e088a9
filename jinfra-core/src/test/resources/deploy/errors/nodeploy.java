// A compact file without a deploy method.
void setup(Host host) {
}
